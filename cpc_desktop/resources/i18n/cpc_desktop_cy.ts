<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Action {number}</source>
        <extracomment>The action as someone else saved it meanwhile (a save was refused).</extracomment>
        <translation>Cam gweithredu {number}</translation>
    </message>
    <message>
        <source>Action owner</source>
        <translation>Pwy sy&apos;n gyfrifol am y cam gweithredu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Cam gweithredu</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>dim dyddiad</translation>
    </message>
    <message>
        <source>Action due date</source>
        <translation>Dyddiad targed y cam gweithredu</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Pwy:</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Beth:</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;Erbyn:</translation>
    </message>
    <message>
        <source>&amp;By (no date yet):</source>
        <translation>&amp;Erbyn (dim dyddiad eto):</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Save again to keep what you typed, or Cancel to keep theirs.</source>
        <translation>Pwyswch Cadw eto i gadw&apos;r hyn a deipiwyd gennych, neu Canslo i gadw eu fersiwn nhw.</translation>
    </message>
    <message>
        <source>That action is no longer in the conference.</source>
        <translation>Nid yw&apos;r cam gweithredu hwnnw yn y gynhadledd mwyach.</translation>
    </message>
    <message>
        <source>Action {number} unchanged.</source>
        <translation>Dim newid i gam gweithredu {number}.</translation>
    </message>
    <message>
        <source>Action {number} saved.</source>
        <translation>Cadwyd cam gweithredu {number}.</translation>
    </message>
</context>
<context>
    <name>ExclusionDialog</name>
    <message>
        <source>&amp;Grounds:</source>
        <extracomment>The grounds for an exclusion in plain words.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ends at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who asked, what notice was given, how their views will be put</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked: family copies print the grounds and the note. Not ticked: only professionals see them; family copies say only when the person was excluded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Also show the grounds in the excluded person&apos;s own copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xclude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the exclusion must be after its start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyScreen</name>
    <message>
        <source>Who is here</source>
        <translation>Pwy sydd yma</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Present now</source>
        <translation>Yn bresennol nawr</translation>
    </message>
    <message>
        <source>Has left</source>
        <translation>Wedi gadael</translation>
    </message>
    <message>
        <source>Apologies</source>
        <translation>Ymddiheuriadau</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Neb eto</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nawr</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi gorffen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Wedi&apos;i hepgor</translation>
    </message>
    <message>
        <source>The meeting has not started yet</source>
        <translation>Nid yw&apos;r cyfarfod wedi dechrau eto</translation>
    </message>
    <message>
        <source>The meeting has ended</source>
        <translation>Mae&apos;r cyfarfod wedi dod i ben</translation>
    </message>
    <message>
        <source>Item %1 of %2</source>
        <translation>Eitem %1 o %2</translation>
    </message>
    <message>
        <source>Initial conference</source>
        <translation>Cynhadledd gychwynnol</translation>
    </message>
    <message>
        <source>Review conference</source>
        <translation>Cynhadledd adolygu</translation>
    </message>
    <message>
        <source>Pre-birth conference</source>
        <translation>Cynhadledd cyn geni</translation>
    </message>
    <message>
        <source>Transfer-in conference</source>
        <translation>Cynhadledd trosglwyddo i mewn</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Cadeirydd</translation>
    </message>
    <message>
        <source>Minute taker</source>
        <translation>Cofnodwr</translation>
    </message>
    <message>
        <source>Social worker</source>
        <translation>Gweithiwr cymdeithasol</translation>
    </message>
    <message>
        <source>Team manager</source>
        <translation>Rheolwr tîm</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Ymarferydd</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Rhiant</translation>
    </message>
    <message>
        <source>Carer</source>
        <translation>Gofalwr</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Aelod o&apos;r teulu</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Plentyn</translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation>Eiriolwr</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>Cefnogwr</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Cyfieithydd</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Sylwedydd</translation>
    </message>
    <message>
        <source>in the room</source>
        <translation>yn yr ystafell</translation>
    </message>
    <message>
        <source>on video</source>
        <translation>ar fideo</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>ar y ffôn</translation>
    </message>
</context>
<context>
    <name>FamilyWindow</name>
    <message>
        <source>Language of this screen</source>
        <translation>Iaith y sgrin hon</translation>
    </message>
    <message>
        <source>Welsh and English (Welsh first)</source>
        <translation>Cymraeg a Saesneg (Cymraeg yn gyntaf)</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Saesneg</translation>
    </message>
    <message>
        <source>Screen &amp;language:</source>
        <translation>&amp;Iaith y sgrin:</translation>
    </message>
    <message>
        <source>Show on &amp;screen…</source>
        <translation>Dangos ar &amp;sgrin…</translation>
    </message>
    <message>
        <source>Show this window full screen on a screen</source>
        <translation>Dangos y ffenest hon yn llenwi sgrin</translation>
    </message>
    <message>
        <source>Esc leaves full screen.</source>
        <translation>Mae Esc yn gadael y sgrin lawn.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cau</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Cau&apos;r ffenest hon</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Dewisiadau</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> munud</translation>
    </message>
    <message>
        <source>never</source>
        <translation>byth</translation>
    </message>
    <message>
        <source>Lock after this long without input</source>
        <translation>Cloi ar ôl hyn o amser heb ddefnydd</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation>C&amp;loi ar ôl bod yn segur am:</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> eiliad</translation>
    </message>
    <message>
        <source>only on lock and close</source>
        <translation>dim ond wrth gloi a chau</translation>
    </message>
    <message>
        <source>Clear copied minute text from the clipboard after</source>
        <translation>Clirio testun cofnodion a gopïwyd o&apos;r clipfwrdd ar ôl</translation>
    </message>
    <message>
        <source>&amp;Clear copied minute text after:</source>
        <translation>&amp;Clirio testun cofnodion a gopïwyd ar ôl:</translation>
    </message>
    <message>
        <source>Language of the screens</source>
        <translation>Iaith y sgriniau</translation>
    </message>
    <message>
        <source>Screen lan&amp;guage:</source>
        <translation>&amp;Iaith y sgriniau:</translation>
    </message>
    <message>
        <source>A new language is used in the windows opened from now on.</source>
        <translation>Defnyddir iaith newydd yn y ffenestri a agorir o hyn ymlaen.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Iawn</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
<context>
    <name>QuorumIndicator</name>
    <message>
        <source>Quorum not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the &amp;reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proceed without &amp;quorum…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuorumReasonDialog</name>
    <message>
        <source>Proceed without quorum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conference is not quorate: {missing}

It should normally not go ahead. If you decide it must, record why; the reason is printed in the professionals&apos; copy of the minutes, and in family copies only if you share it. An early review should be considered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. pre-birth: the family is known to only two agencies; delay would harm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proceed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for going ahead without a quorum.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Unfinished</name>
    <message>
        <source>Item {number} ({title}) has minute text that is not saved in the store.</source>
        <translation>Mae gan eitem {number} ({title}) destun cofnodion nad yw wedi&apos;i gadw yn y storfa.</translation>
    </message>
    <message>
        <source>Go to the minutes of item {number}</source>
        <translation>Ewch i gofnodion eitem {number}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>heb deitl</translation>
    </message>
    <message>
        <source>Action {number}, “{what}”, has no owner.</source>
        <translation>Nid oes neb yn gyfrifol am gam gweithredu {number}, “{what}”.</translation>
    </message>
    <message>
        <source>Action {number}, “{what}”, has no due date.</source>
        <translation>Nid oes dyddiad targed ar gyfer cam gweithredu {number}, “{what}”.</translation>
    </message>
    <message>
        <source>Action {number}, “{what}”, has no owner and no due date.</source>
        <translation>Nid oes neb yn gyfrifol am gam gweithredu {number}, “{what}”, ac nid oes dyddiad targed iddo.</translation>
    </message>
    <message>
        <source>with no words</source>
        <translation>heb eiriau</translation>
    </message>
    <message>
        <source>Complete action {number}…</source>
        <translation>Cwblhau cam gweithredu {number}…</translation>
    </message>
    <message>
        <source>In {name}&apos;s plan, “{what}” has no owner.</source>
        <translation>Yng nghynllun {name}, nid oes neb yn gyfrifol am “{what}”.</translation>
    </message>
    <message>
        <source>In {name}&apos;s plan, “{what}” has no due date.</source>
        <translation>Yng nghynllun {name}, nid oes dyddiad targed ar gyfer “{what}”.</translation>
    </message>
    <message>
        <source>In {name}&apos;s plan, “{what}” has no owner and no due date.</source>
        <translation>Yng nghynllun {name}, nid oes neb yn gyfrifol am “{what}” ac nid oes dyddiad targed iddo.</translation>
    </message>
    <message>
        <source>an action with no words</source>
        <translation>cam gweithredu heb eiriau</translation>
    </message>
    <message>
        <source>the child</source>
        <translation>y plentyn</translation>
    </message>
    <message>
        <source>Open the decision for {name}…</source>
        <translation>Agor y penderfyniad ar gyfer {name}…</translation>
    </message>
    <message>
        <source>No decision is recorded for {name}.</source>
        <translation>Nid oes penderfyniad wedi&apos;i gofnodi ar gyfer {name}.</translation>
    </message>
    <message>
        <source>Record the decision for {name}…</source>
        <translation>Cofnodi&apos;r penderfyniad ar gyfer {name}…</translation>
    </message>
    <message>
        <source>1 letter is due and not issued: {names}.</source>
        <translation>Mae 1 llythyr yn ddyledus a heb ei anfon: {names}.</translation>
    </message>
    <message>
        <source>{count} letters are due and not issued: {names}.</source>
        <translation>Mae {count} llythyr yn ddyledus a heb eu hanfon: {names}.</translation>
    </message>
    <message>
        <source>the transfer letter</source>
        <translation>y llythyr trosglwyddo</translation>
    </message>
    <message>
        <source>the outcome letter to {name}</source>
        <translation>y llythyr canlyniad ar gyfer {name}</translation>
    </message>
    <message>
        <source>the child&apos;s letter to {name}</source>
        <translation>llythyr y plentyn ar gyfer {name}</translation>
    </message>
    <message>
        <source>the professional&apos;s letter to {name}</source>
        <translation>llythyr yr ymarferydd ar gyfer {name}</translation>
    </message>
    <message>
        <source>the plan-ended letter to {name}</source>
        <translation>y llythyr diwedd cynllun ar gyfer {name}</translation>
    </message>
    <message>
        <source>Open the outcome letters…</source>
        <translation>Agor y llythyrau canlyniad…</translation>
    </message>
    <message>
        <source>This copy has changes the chair does not have yet: no hand-over package has been exported since.</source>
        <translation>Mae gan y copi hwn newidiadau nad ydynt gan y cadeirydd eto: nid oes pecyn trosglwyddo wedi&apos;i allforio ers hynny.</translation>
    </message>
    <message>
        <source>Export the hand-over package…</source>
        <translation>Allforio&apos;r pecyn trosglwyddo…</translation>
    </message>
    <message>
        <source>The progress of “{what}” in {name}&apos;s plan is not yet judged.</source>
        <translation>Nid yw cynnydd “{what}” yng nghynllun {name} wedi&apos;i farnu eto.</translation>
    </message>
    <message>
        <source>Judge its progress…</source>
        <translation>Barnu ei gynnydd…</translation>
    </message>
</context>
<context>
    <name>UnfinishedDialog</name>
    <message>
        <source>Not finished yet</source>
        <extracomment>What the person must be allowed to do to put a thing right.</extracomment>
        <translation>Heb orffen eto</translation>
    </message>
    <message>
        <source>Some things in {reference} are not finished. Go to one to finish it, or close the conference anyway: nothing is lost either way.</source>
        <translation>Mae rhai pethau yn {reference} heb eu gorffen. Ewch i un i&apos;w orffen, neu caewch y gynhadledd beth bynnag: ni chollir dim y naill ffordd na&apos;r llall.</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>&amp;Cau beth bynnag</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Aros</translation>
    </message>
    <message>
        <source>Could not check what is unfinished: {message}</source>
        <translation>Methu gwirio beth sydd heb ei orffen: {message}</translation>
    </message>
    <message>
        <source>The conference stays open.</source>
        <translation>Mae&apos;r gynhadledd yn aros ar agor.</translation>
    </message>
</context>
</TS>
