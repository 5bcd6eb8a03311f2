<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>AcknowledgeForm</name>
    <message>
        <source>Acknowledge — {name}</source>
        <translation>Cydnabod — {name}</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Cydnabod</translation>
    </message>
    <message>
        <source>The complaint from {name}, received on {day}.</source>
        <translation>Y gŵyn gan {name}, a ddaeth i law ar {day}.</translation>
    </message>
    <message>
        <source>Acknowledged on</source>
        <translation>Cydnabuwyd ar</translation>
    </message>
    <message>
        <source>Considered by</source>
        <translation>Yn cael ei hystyried gan</translation>
    </message>
    <message>
        <source>the chair, a review panel, a senior manager…</source>
        <translation>y cadeirydd, panel adolygu, uwch reolwr…</translation>
    </message>
    <message>
        <source>Acknowledged &amp;on:</source>
        <translation>Cydnab&amp;uwyd ar:</translation>
    </message>
    <message>
        <source>Considered &amp;by:</source>
        <translation>Yn cael ei &amp;hystyried gan:</translation>
    </message>
</context>
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
    <name>AppealsDialog</name>
    <message>
        <source>A&amp;ppeals…</source>
        <extracomment>What the dialog says first: the decision does not wait for the appeal.</extracomment>
        <translation>A&amp;peliadau…</translation>
    </message>
    <message>
        <source>Appeals against the decision</source>
        <translation>Apeliadau yn erbyn y penderfyniad</translation>
    </message>
    <message>
        <source>Record a parent&apos;s appeal against the decision, and how it ended</source>
        <translation>Cofnodi apêl rhiant yn erbyn y penderfyniad, a sut y daeth i ben</translation>
    </message>
</context>
<context>
    <name>BirthForm</name>
    <message>
        <source>Record &amp;birth…</source>
        <translation>Cofnodi &amp;genedigaeth…</translation>
    </message>
    <message>
        <source>Record the baby&apos;s birth</source>
        <translation>Cofnodi genedigaeth y babi</translation>
    </message>
    <message>
        <source>Name the baby and record the date of birth; the review comes forward</source>
        <translation>Enwi&apos;r babi a chofnodi&apos;r dyddiad geni; daw&apos;r adolygiad ymlaen</translation>
    </message>
    <message>
        <source>Birth of {name} recorded. The post-birth review is due by {due}; the review set for {planned} must come forward.</source>
        <translation>Cofnodwyd genedigaeth {name}. Mae&apos;r adolygiad ar ôl y geni yn ddyledus erbyn {due}; rhaid dod â&apos;r adolygiad a bennwyd ar gyfer {planned} ymlaen.</translation>
    </message>
    <message>
        <source>Birth of {name} recorded. The post-birth review is due by {due}.</source>
        <translation>Cofnodwyd genedigaeth {name}. Mae&apos;r adolygiad ar ôl y geni yn ddyledus erbyn {due}.</translation>
    </message>
    <message>
        <source>Record birth — {reference}</source>
        <translation>Cofnodi genedigaeth — {reference}</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Cofnodi</translation>
    </message>
    <message>
        <source>The baby becomes a named child of this conference. The first review then falls by the earlier of three months after the conference and the profile&apos;s days after the birth.</source>
        <translation>Bydd y babi yn dod yn blentyn a enwir yn y gynhadledd hon. Yna mae&apos;r adolygiad cyntaf yn ddyledus erbyn y cynharaf o ddau ddyddiad: tri mis ar ôl y gynhadledd, neu nifer dyddiau&apos;r proffil ar ôl y geni.</translation>
    </message>
    <message>
        <source>The baby</source>
        <translation>Y babi</translation>
    </message>
    <message>
        <source>Unborn baby</source>
        <translation>Babi heb ei eni</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Enw cyntaf</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Cyfenw</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>&amp;Baby:</source>
        <translation>&amp;Babi:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Enw cyntaf:</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>C&amp;yfenw:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Dyddiad geni:</translation>
    </message>
</context>
<context>
    <name>ComplaintOutcomeForm</name>
    <message>
        <source>Outcome — {name}</source>
        <translation>Canlyniad — {name}</translation>
    </message>
    <message>
        <source>&amp;Save outcome</source>
        <translation>&amp;Cadw&apos;r canlyniad</translation>
    </message>
    <message>
        <source>Recording the outcome does not change the conference&apos;s decision: if the complaint is upheld, the decision is looked at again (a new conference).</source>
        <translation>Nid yw cofnodi&apos;r canlyniad yn newid penderfyniad y gynhadledd: os caiff y gŵyn ei chadarnhau, edrychir ar y penderfyniad eto (mewn cynhadledd newydd).</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Penderfynwyd ar</translation>
    </message>
    <message>
        <source>The panel or ruling</source>
        <translation>Y panel neu&apos;r dyfarniad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>Ca&amp;nlyniad:</translation>
    </message>
    <message>
        <source>&amp;Decided on:</source>
        <translation>&amp;Penderfynwyd ar:</translation>
    </message>
    <message>
        <source>&amp;Panel or ruling:</source>
        <translation>P&amp;anel neu ddyfarniad:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>N&amp;odyn:</translation>
    </message>
</context>
<context>
    <name>ComplaintWords</name>
    <message>
        <source>The conference&apos;s decision stands while the complaint is considered: the complaint cannot change it by itself.</source>
        <translation>Mae penderfyniad y gynhadledd yn sefyll tra bo&apos;r gŵyn yn cael ei hystyried: ni all y gŵyn ei newid ar ei phen ei hun.</translation>
    </message>
    <message>
        <source>The procedures were not followed, and this affected the decision</source>
        <translation>Ni ddilynwyd y gweithdrefnau, ac effeithiodd hyn ar y penderfyniad</translation>
    </message>
    <message>
        <source>Information was wrong, missing or not taken into account</source>
        <translation>Roedd gwybodaeth yn anghywir, ar goll neu heb ei hystyried</translation>
    </message>
    <message>
        <source>The threshold for registration was not met</source>
        <translation>Nid oedd y trothwy ar gyfer cofrestru wedi&apos;i gyrraedd</translation>
    </message>
    <message>
        <source>The category is wrong</source>
        <translation>Mae&apos;r categori yn anghywir</translation>
    </message>
    <message>
        <source>The complainant was not given the chance to be heard, or not respected</source>
        <translation>Ni chafodd yr achwynydd gyfle i gael ei glywed, neu ni chafodd ei barchu</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>Cadarnhawyd</translation>
    </message>
    <message>
        <source>Not upheld</source>
        <translation>Ni chadarnhawyd</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Tynnwyd yn ôl</translation>
    </message>
    <message>
        <source>upheld on {day}</source>
        <translation>cadarnhawyd ar {day}</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>cadarnhawyd</translation>
    </message>
    <message>
        <source>not upheld on {day}</source>
        <translation>ni chadarnhawyd ar {day}</translation>
    </message>
    <message>
        <source>not upheld</source>
        <translation>ni chadarnhawyd</translation>
    </message>
    <message>
        <source>withdrawn on {day}</source>
        <translation>tynnwyd yn ôl ar {day}</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>tynnwyd yn ôl</translation>
    </message>
    <message>
        <source>acknowledged on {day}, being considered</source>
        <translation>cydnabuwyd ar {day}, yn cael ei hystyried</translation>
    </message>
    <message>
        <source>received, not yet acknowledged</source>
        <translation>daeth i law, heb ei chydnabod eto</translation>
    </message>
    <message>
        <source>acknowledge by {day} (overdue)</source>
        <translation>cydnabod erbyn {day} (yn hwyr)</translation>
    </message>
    <message>
        <source>acknowledge by {day}</source>
        <translation>cydnabod erbyn {day}</translation>
    </message>
    <message>
        <source>answer by {day} (overdue)</source>
        <translation>ateb erbyn {day} (yn hwyr)</translation>
    </message>
    <message>
        <source>answer by {day}</source>
        <translation>ateb erbyn {day}</translation>
    </message>
</context>
<context>
    <name>ComplaintsDialog</name>
    <message>
        <source>Received</source>
        <translation>Daeth i law</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Gan</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Plant</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Sail</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>Sefyllfa</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Y cam nesaf</translation>
    </message>
    <message>
        <source>Complai&amp;nts…</source>
        <translation>Cwy&amp;nion…</translation>
    </message>
    <message>
        <source>Complaints about the conference</source>
        <translation>Cwynion am y gynhadledd</translation>
    </message>
    <message>
        <source>Log a complaint about the conference, and how it ended (Alt+N)</source>
        <translation>Cofnodi cwyn am y gynhadledd, a sut y daeth i ben (Alt+N)</translation>
    </message>
    <message>
        <source>Complaints — {reference}</source>
        <translation>Cwynion — {reference}</translation>
    </message>
    <message>
        <source>No complaint has been recorded.</source>
        <translation>Nid oes cwyn wedi&apos;i chofnodi.</translation>
    </message>
    <message>
        <source>&amp;Complaints:</source>
        <translation>C&amp;wynion:</translation>
    </message>
    <message>
        <source>&amp;Record a complaint…</source>
        <translation>&amp;Cofnodi cwyn…</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>C&amp;ydnabod…</translation>
    </message>
    <message>
        <source>Record the &amp;outcome…</source>
        <translation>Cofnodi&apos;r ca&amp;nlyniad…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>C&amp;au</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Cwynion</translation>
    </message>
</context>
<context>
    <name>ConfirmUploadForm</name>
    <message>
        <source>Confirm upload — {reference}</source>
        <translation>Cadarnhau&apos;r llwytho i fyny — {reference}</translation>
    </message>
    <message>
        <source>Con&amp;firm upload</source>
        <translation>&amp;Cadarnhau&apos;r llwytho i fyny</translation>
    </message>
    <message>
        <source>Record that the newest issued minutes of {reference} were uploaded to the authority&apos;s case system. The local copy may then be wiped before its retention date; CPC Desktop never wipes it on its own.</source>
        <translation>Cofnodwch fod cofnodion diweddaraf {reference} a gyhoeddwyd wedi&apos;u llwytho i fyny i system achosion yr awdurdod. Yna gellir clirio&apos;r copi lleol cyn ei ddyddiad cadw; nid yw CPC Desktop byth yn ei glirio ohono&apos;i hun.</translation>
    </message>
    <message>
        <source>The case system&apos;s reference</source>
        <translation>Cyfeirnod y system achosion</translation>
    </message>
    <message>
        <source>Uploaded on</source>
        <translation>Llwythwyd i fyny ar</translation>
    </message>
    <message>
        <source>Case system &amp;reference:</source>
        <translation>Cyfeirnod y system &amp;achosion:</translation>
    </message>
    <message>
        <source>Uploaded o&amp;n:</source>
        <translation>Llwythwyd i fyny a&amp;r:</translation>
    </message>
</context>
<context>
    <name>CorrectionsDialog</name>
    <message>
        <source>Accepted: open a corrected version</source>
        <translation>Derbyniwyd: agor fersiwn wedi&apos;i chywiro</translation>
    </message>
    <message>
        <source>Partly accepted: open a corrected version</source>
        <translation>Derbyniwyd yn rhannol: agor fersiwn wedi&apos;i chywiro</translation>
    </message>
    <message>
        <source>Refused: the minutes stay as issued</source>
        <translation>Gwrthodwyd: mae&apos;r cofnodion yn aros fel y&apos;u cyhoeddwyd</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Daeth i law</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Gan</translation>
    </message>
    <message>
        <source>About version</source>
        <translation>Am fersiwn</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>Dyfarniad</translation>
    </message>
    <message>
        <source>Version opened</source>
        <translation>Fersiwn a agorwyd</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>derbyniwyd</translation>
    </message>
    <message>
        <source>partly accepted</source>
        <translation>derbyniwyd yn rhannol</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>gwrthodwyd</translation>
    </message>
    <message>
        <source>waiting for the chair&apos;s ruling</source>
        <translation>yn aros am ddyfarniad y cadeirydd</translation>
    </message>
    <message>
        <source>{ruling} on {day}</source>
        <translation>{ruling} ar {day}</translation>
    </message>
    <message>
        <source>Corrections — {reference}</source>
        <translation>Cywiriadau — {reference}</translation>
    </message>
    <message>
        <source>About corrections</source>
        <translation>Am gywiriadau</translation>
    </message>
    <message>
        <source>Issued minutes never change. A request accepted (or partly) opens the next version: correct the minutes, then approve and issue it; its changes are listed for you. A refused request may carry the person&apos;s statement of disagreement, printed with the full record and their own family copy from then on.</source>
        <translation>Nid yw cofnodion a gyhoeddwyd byth yn newid. Mae cais a dderbynnir (neu a dderbynnir yn rhannol) yn agor y fersiwn nesaf: cywirwch y cofnodion, yna cymeradwywch a chyhoeddwch hi; rhestrir ei newidiadau i chi. Gall cais a wrthodir gynnwys datganiad anghytundeb y person, a argreffir gyda&apos;r cofnod llawn a chopi teulu&apos;r person ei hun o hynny ymlaen.</translation>
    </message>
    <message>
        <source>Requests to correct the minutes</source>
        <translation>Ceisiadau i gywiro&apos;r cofnodion</translation>
    </message>
    <message>
        <source>The selected request</source>
        <translation>Y cais a ddewiswyd</translation>
    </message>
    <message>
        <source>Who asked</source>
        <translation>Pwy ofynnodd</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Daeth i law ar</translation>
    </message>
    <message>
        <source>What is disputed</source>
        <translation>Beth sy&apos;n cael ei herio</translation>
    </message>
    <message>
        <source>The entry or passage, in their words</source>
        <translation>Y cofnod neu&apos;r darn, yn eu geiriau nhw</translation>
    </message>
    <message>
        <source>The entry disputed</source>
        <translation>Y cofnod sy&apos;n cael ei herio</translation>
    </message>
    <message>
        <source>The issued minutes&apos; entry the request is about, if one is</source>
        <translation>Y cofnod yn y cofnodion a gyhoeddwyd y mae&apos;r cais yn ymwneud ag ef, os oes un</translation>
    </message>
    <message>
        <source>What they ask for</source>
        <translation>Beth maen nhw&apos;n gofyn amdano</translation>
    </message>
    <message>
        <source>What it should say</source>
        <translation>Beth y dylai ei ddweud</translation>
    </message>
    <message>
        <source>&amp;Record the request</source>
        <translation>&amp;Cofnodi&apos;r cais</translation>
    </message>
    <message>
        <source>Record the request</source>
        <translation>Cofnodi&apos;r cais</translation>
    </message>
    <message>
        <source>&amp;Who asked:</source>
        <translation>&amp;Pwy ofynnodd:</translation>
    </message>
    <message>
        <source>&amp;Entry:</source>
        <translation>Cof&amp;nod:</translation>
    </message>
    <message>
        <source>Re&amp;ceived:</source>
        <translation>Daeth i &amp;law:</translation>
    </message>
    <message>
        <source>&amp;Disputed:</source>
        <translation>Wedi&apos;i &amp;herio:</translation>
    </message>
    <message>
        <source>&amp;Asks for:</source>
        <translation>Yn gofyn &amp;am:</translation>
    </message>
    <message>
        <source>A new request</source>
        <translation>Cais newydd</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Rhesymau</translation>
    </message>
    <message>
        <source>Why: an accepted correction prints this in every copy of the new version</source>
        <translation>Pam: mae cywiriad a dderbyniwyd yn argraffu hyn ym mhob copi o&apos;r fersiwn newydd</translation>
    </message>
    <message>
        <source>Statement of disagreement</source>
        <translation>Datganiad o anghytundeb</translation>
    </message>
    <message>
        <source>Their statement, if they gave one (refused or partly accepted only)</source>
        <translation>Eu datganiad, os rhoesant un (dim ond os gwrthodwyd neu os derbyniwyd yn rhannol)</translation>
    </message>
    <message>
        <source>R&amp;ule on the selected request</source>
        <translation>&amp;Dyfarnu ar y cais a ddewiswyd</translation>
    </message>
    <message>
        <source>Rule on the selected request</source>
        <translation>Dyfarnu ar y cais a ddewiswyd</translation>
    </message>
    <message>
        <source>Ru&amp;ling:</source>
        <translation>D&amp;yfarniad:</translation>
    </message>
    <message>
        <source>Rea&amp;sons:</source>
        <translation>&amp;Rhesymau:</translation>
    </message>
    <message>
        <source>S&amp;tatement:</source>
        <translation>Dat&amp;ganiad:</translation>
    </message>
    <message>
        <source>The chair&apos;s ruling</source>
        <translation>Dyfarniad y cadeirydd</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Beth aeth o&apos;i le</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Y weithred ddiwethaf</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>None: a passage, or the minutes as a whole</source>
        <translation>Dim: darn, neu&apos;r cofnodion yn gyfan</translation>
    </message>
    <message>
        <source>(no item)</source>
        <translation>(dim eitem)</translation>
    </message>
    <message>
        <source>Select a request to see it, and to rule on it.</source>
        <translation>Dewiswch gais i&apos;w weld, ac i ddyfarnu arno.</translation>
    </message>
    <message>
        <source>Disputed: {text}</source>
        <translation>Wedi&apos;i herio: {text}</translation>
    </message>
    <message>
        <source>Asks for: {text}</source>
        <translation>Yn gofyn am: {text}</translation>
    </message>
    <message>
        <source>Reasons: {text}</source>
        <translation>Rhesymau: {text}</translation>
    </message>
    <message>
        <source>Statement of disagreement: {text}</source>
        <translation>Datganiad o anghytundeb: {text}</translation>
    </message>
    <message>
        <source>Recorded the request from {name}; it awaits your ruling.</source>
        <translation>Cofnodwyd y cais gan {name}; mae&apos;n aros am eich dyfarniad.</translation>
    </message>
    <message>
        <source>Version {version} is open as a draft: correct the minutes, then approve and issue it.</source>
        <translation>Mae fersiwn {version} ar agor fel drafft: cywirwch y cofnodion, yna cymeradwywch a chyhoeddwch hi.</translation>
    </message>
    <message>
        <source>The request is refused; the minutes stay as issued.</source>
        <translation>Gwrthodwyd y cais; mae&apos;r cofnodion yn aros fel y&apos;u cyhoeddwyd.</translation>
    </message>
    <message>
        <source>Correction re&amp;quests…</source>
        <translation>Ceisiadau cy&amp;wiro…</translation>
    </message>
    <message>
        <source>Correction requests</source>
        <translation>Ceisiadau cywiro</translation>
    </message>
    <message>
        <source>Requests to correct the issued minutes, and your rulings</source>
        <translation>Ceisiadau i gywiro&apos;r cofnodion a gyhoeddwyd, a&apos;ch dyfarniadau</translation>
    </message>
</context>
<context>
    <name>ExclusionDialog</name>
    <message>
        <source>Being there would seriously harm the child&apos;s welfare</source>
        <extracomment>The grounds for an exclusion in plain words.</extracomment>
        <translation>Byddai eu presenoldeb yn niweidio lles y plentyn yn ddifrifol</translation>
    </message>
    <message>
        <source>Violent, threatening or abusive behaviour</source>
        <translation>Ymddygiad treisgar, bygythiol neu ymosodol</translation>
    </message>
    <message>
        <source>Unfit to take part (alcohol, drugs or acute mental illness)</source>
        <translation>Ddim mewn cyflwr i gymryd rhan (alcohol, cyffuriau neu salwch meddwl acíwt)</translation>
    </message>
    <message>
        <source>The child asked for them not to be there</source>
        <translation>Gofynnodd y plentyn iddynt beidio â bod yno</translation>
    </message>
    <message>
        <source>Others could not speak freely with them there</source>
        <translation>Ni allai eraill siarad yn rhydd pe baent yno</translation>
    </message>
    <message>
        <source>Confidential information has to be shared (e.g. legal advice, a police investigation)</source>
        <translation>Rhaid rhannu gwybodaeth gyfrinachol (e.e. cyngor cyfreithiol, ymchwiliad gan yr heddlu)</translation>
    </message>
    <message>
        <source>Conflict between family members (attending separately)</source>
        <translation>Gwrthdaro rhwng aelodau&apos;r teulu (yn bresennol ar wahân)</translation>
    </message>
    <message>
        <source>Exclude {name}</source>
        <translation>Eithrio {name}</translation>
    </message>
    <message>
        <source>Grounds for the exclusion</source>
        <translation>Sail yr eithrio</translation>
    </message>
    <message>
        <source>Exclusion starts at</source>
        <translation>Mae&apos;r eithrio yn dechrau am</translation>
    </message>
    <message>
        <source>The exclusion ends at a set time</source>
        <translation>Mae&apos;r eithrio yn gorffen ar amser penodol</translation>
    </message>
    <message>
        <source>Exclusion ends at</source>
        <translation>Mae&apos;r eithrio yn gorffen am</translation>
    </message>
    <message>
        <source>Note about the exclusion</source>
        <translation>Nodyn am yr eithrio</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>{name} will be shown as not present while excluded. Record who asked for the exclusion and how their views will still be heard in the note.</source>
        <translation>Dangosir {name} fel rhywun nad yw&apos;n bresennol yn ystod yr eithrio. Cofnodwch yn y nodyn pwy ofynnodd am yr eithrio a sut y clywir barn y person o hyd.</translation>
    </message>
    <message>
        <source>&amp;Grounds:</source>
        <translation>&amp;Sail:</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>Yn &amp;dechrau am:</translation>
    </message>
    <message>
        <source>&amp;Ends at:</source>
        <translation>Yn &amp;gorffen am:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nodyn:</translation>
    </message>
    <message>
        <source>Who asked, what notice was given, how their views will be put</source>
        <translation>Pwy ofynnodd, pa rybudd a roddwyd, sut y caiff eu barn ei chyflwyno</translation>
    </message>
    <message>
        <source>S&amp;hare with the family (printed in family copies)</source>
        <translation>Rh&amp;annu â&apos;r teulu (argreffir yng nghopïau&apos;r teulu)</translation>
    </message>
    <message>
        <source>Ticked: family copies print the grounds and the note. Not ticked: only professionals see them; family copies say only when the person was excluded.</source>
        <translation>Wedi&apos;i dicio: mae copïau&apos;r teulu yn argraffu&apos;r sail a&apos;r nodyn. Heb ei dicio: dim ond ymarferwyr sy&apos;n eu gweld; mae copïau&apos;r teulu yn dweud dim ond pryd yr eithriwyd y person.</translation>
    </message>
    <message>
        <source>&amp;Also show the grounds in the excluded person&apos;s own copy</source>
        <translation>Dangos y sail hefyd yng nghopi&apos;r person a eith&amp;riwyd ei hun</translation>
    </message>
    <message>
        <source>E&amp;xclude</source>
        <translation>&amp;Eithrio</translation>
    </message>
    <message>
        <source>The end of the exclusion must be after its start.</source>
        <translation>Rhaid i ddiwedd yr eithrio fod ar ôl ei ddechrau.</translation>
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
    <name>NewReviewDialog</name>
    <message>
        <source>Select the conference whose plan is to be reviewed, then choose New review.</source>
        <translation>Dewiswch y gynhadledd y mae ei chynllun i&apos;w adolygu, yna dewiswch Adolygiad newydd.</translation>
    </message>
    <message>
        <source>New review of {reference}</source>
        <translation>Adolygiad newydd o {reference}</translation>
    </message>
    <message>
        <source>Review {number} of the plan made or kept at {reference}, for {children}. It starts from that plan: its categories, core group and lead worker, and its {actions} action(s), whose progress you record at the review. Everyone invited before is invited again.</source>
        <translation>Adolygiad {number} o&apos;r cynllun a wnaed neu a gadwyd yn {reference}, ar gyfer {children}. Mae&apos;n dechrau o&apos;r cynllun hwnnw: ei gategorïau, y grŵp craidd a&apos;r prif weithiwr, a&apos;i {actions} cam gweithredu, y byddwch yn cofnodi eu cynnydd yn yr adolygiad. Caiff pawb a wahoddwyd o&apos;r blaen eu gwahodd eto.</translation>
    </message>
    <message>
        <source>Date of the review</source>
        <translation>Dyddiad yr adolygiad</translation>
    </message>
    <message>
        <source>Proposed: {day}, {reason}.</source>
        <translation>Cynigir: {day}, {reason}.</translation>
    </message>
    <message>
        <source>&amp;Date of the review:</source>
        <translation>&amp;Dyddiad yr adolygiad:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Make the review</source>
        <translation>&amp;Gwneud yr adolygiad</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>the review date agreed at {reference}</source>
        <translation>y dyddiad adolygu a gytunwyd yn {reference}</translation>
    </message>
    <message>
        <source>the latest the rules allow</source>
        <translation>y dyddiad olaf y mae&apos;r rheolau yn ei ganiatáu</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation>Argraffu</translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation>Methu argraffu</translation>
    </message>
    <message>
        <source>The printer could not be started. Nothing was printed.</source>
        <translation>Methu cychwyn yr argraffydd. Ni argraffwyd dim.</translation>
    </message>
    <message>
        <source>Page {page} could not be read, so printing stopped after 1 page.</source>
        <translation>Methu darllen tudalen {page}, felly daeth yr argraffu i ben ar ôl 1 dudalen.</translation>
    </message>
    <message>
        <source>Page {page} could not be read, so printing stopped after {printed} pages.</source>
        <translation>Methu darllen tudalen {page}, felly daeth yr argraffu i ben ar ôl {printed} tudalen.</translation>
    </message>
</context>
<context>
    <name>PlanProgressTab</name>
    <message>
        <source>Not yet judged</source>
        <extracomment>The choices, in the order of their keys (0 to 3).</extracomment>
        <translation>Heb ei farnu eto</translation>
    </message>
    <message>
        <source>Not started / behind</source>
        <translation>Heb ddechrau / ar ei hôl hi</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Ar y gweill</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Wedi&apos;i gwblhau</translation>
    </message>
    <message>
        <source>red</source>
        <translation>coch</translation>
    </message>
    <message>
        <source>amber</source>
        <translation>ambr</translation>
    </message>
    <message>
        <source>green</source>
        <translation>gwyrdd</translation>
    </message>
    <message>
        <source>Actions of the plan carried into this review</source>
        <translation>Camau gweithredu&apos;r cynllun a ddygwyd i&apos;r adolygiad hwn</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Plentyn</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Cam gweithredu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Erbyn</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Cynnydd</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>heb ei osod</translation>
    </message>
    <message>
        <source>Progress of the selected action</source>
        <translation>Cynnydd y cam gweithredu a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Progress of the selected action:</source>
        <translation>&amp;Cynnydd y cam gweithredu a ddewiswyd:</translation>
    </message>
    <message>
        <source>In the table: 1 Not started / behind (red), 2 Under way (amber), 3 Done (green), 0 or Delete Not yet judged.</source>
        <translation>Yn y tabl: 1 Heb ddechrau / ar ei hôl hi (coch), 2 Ar y gweill (ambr), 3 Wedi&apos;i gwblhau (gwyrdd), 0 neu Delete Heb ei farnu eto.</translation>
    </message>
    <message>
        <source>{child}: the core group meets {how_often}.</source>
        <translation>{child}: mae&apos;r grŵp craidd yn cyfarfod {how_often}.</translation>
    </message>
    <message>
        <source>Safety scale over the plan, in words</source>
        <translation>Y raddfa ddiogelwch dros gyfnod y cynllun, mewn geiriau</translation>
    </message>
    <message>
        <source>Progress on the plan</source>
        <translation>Cynnydd ar y cynllun</translation>
    </message>
    <message>
        <source>Safety scale over the plan</source>
        <translation>Y raddfa ddiogelwch dros gyfnod y cynllun</translation>
    </message>
    <message>
        <source>Select an action of the plan first.</source>
        <translation>Dewiswch gam gweithredu o&apos;r cynllun yn gyntaf.</translation>
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
    <name>PrintAudit</name>
    <message>
        <source>Preview only: this copy is not signed and not recorded, so it cannot be printed or saved from here.</source>
        <translation>Rhagolwg yn unig: nid yw&apos;r copi hwn wedi&apos;i lofnodi na&apos;i gofnodi, felly ni ellir ei argraffu na&apos;i gadw o&apos;r fan hon.</translation>
    </message>
    <message>
        <source>About this copy</source>
        <translation>Am y copi hwn</translation>
    </message>
    <message>
        <source>Printed, not recorded</source>
        <translation>Argraffwyd, heb ei gofnodi</translation>
    </message>
    <message>
        <source>The copy was printed but not recorded: {problem}</source>
        <translation>Argraffwyd y copi ond ni chafodd ei gofnodi: {problem}</translation>
    </message>
</context>
<context>
    <name>QuorumIndicator</name>
    <message>
        <source>Quorum not known</source>
        <translation>Ni wyddys a oes cworwm</translation>
    </message>
    <message>
        <source>Quorate: {csc} and 1 other agency</source>
        <translation>Mae cworwm: {csc} ac 1 asiantaeth arall</translation>
    </message>
    <message>
        <source>Quorate: {csc} and {count} other agencies</source>
        <translation>Mae cworwm: {csc} a {count} asiantaeth arall</translation>
    </message>
    <message>
        <source>Not quorate — {missing}</source>
        <translation>Dim cworwm — {missing}</translation>
    </message>
    <message>
        <source>Proceeding without quorum: {reason}</source>
        <translation>Mynd ymlaen heb gworwm: {reason}</translation>
    </message>
    <message>
        <source>Change the &amp;reason…</source>
        <translation>Newid y &amp;rheswm…</translation>
    </message>
    <message>
        <source>Proceed without &amp;quorum…</source>
        <translation>Mynd ymlaen heb &amp;gworwm…</translation>
    </message>
</context>
<context>
    <name>QuorumReasonDialog</name>
    <message>
        <source>Proceed without quorum</source>
        <translation>Mynd ymlaen heb gworwm</translation>
    </message>
    <message>
        <source>The conference is not quorate: {missing}

It should normally not go ahead. If you decide it must, record why; the reason is printed in the professionals&apos; copy of the minutes, and in family copies only if you share it. An early review should be considered.</source>
        <translation>Nid oes cworwm yn y gynhadledd: {missing}

Fel arfer ni ddylai fynd ymlaen. Os penderfynwch fod rhaid iddi, cofnodwch pam; caiff y rheswm ei argraffu yng nghopi&apos;r ymarferwyr o&apos;r cofnodion, ac yng nghopïau&apos;r teulu dim ond os byddwch yn ei rannu. Dylid ystyried adolygiad cynnar.</translation>
    </message>
    <message>
        <source>Reason for proceeding without quorum</source>
        <translation>Y rheswm dros fynd ymlaen heb gworwm</translation>
    </message>
    <message>
        <source>e.g. pre-birth: the family is known to only two agencies; delay would harm</source>
        <translation>e.e. cyn geni: dim ond dwy asiantaeth sy&apos;n adnabod y teulu; byddai oedi yn gwneud niwed</translation>
    </message>
    <message>
        <source>&amp;Share with the family (printed in family copies)</source>
        <translation>Rh&amp;annu â&apos;r teulu (argreffir yng nghopïau&apos;r teulu)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Rheswm:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Proceed</source>
        <translation>&amp;Mynd ymlaen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Give the reason for going ahead without a quorum.</source>
        <translation>Rhowch y rheswm dros fynd ymlaen heb gworwm.</translation>
    </message>
</context>
<context>
    <name>RecordComplaintForm</name>
    <message>
        <source>Record a complaint — {reference}</source>
        <extracomment>The grounds in the complaint&apos;s own words (the appeal grounds speak of &quot;the parent&quot;).</extracomment>
        <translation>Cofnodi cwyn — {reference}</translation>
    </message>
    <message>
        <source>&amp;Record complaint</source>
        <translation>&amp;Cofnodi&apos;r gŵyn</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>Achwynydd</translation>
    </message>
    <message>
        <source>Someone not in the roll call…</source>
        <translation>Rhywun nad yw ar y rhestr bresenoldeb…</translation>
    </message>
    <message>
        <source>Complainant&apos;s name</source>
        <translation>Enw&apos;r achwynydd</translation>
    </message>
    <message>
        <source>Who they are to the child</source>
        <translation>Eu perthynas â&apos;r plentyn</translation>
    </message>
    <message>
        <source>mother, grandfather, advocate for the child…</source>
        <translation>mam, tad-cu, eiriolwr y plentyn…</translation>
    </message>
    <message>
        <source>Children the complaint concerns</source>
        <translation>Y plant y mae&apos;r gŵyn yn ymwneud â nhw</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Daeth i law ar</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Sail</translation>
    </message>
    <message>
        <source>What the complaint says</source>
        <translation>Beth mae&apos;r gŵyn yn ei ddweud</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Gan:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Enw:</translation>
    </message>
    <message>
        <source>Relation to the &amp;child:</source>
        <translation>Perthynas â&apos;r &amp;plentyn:</translation>
    </message>
    <message>
        <source>C&amp;hildren it concerns:</source>
        <translation>Y plan&amp;t dan sylw:</translation>
    </message>
    <message>
        <source>Rec&amp;eived on:</source>
        <translation>Daeth i &amp;law ar:</translation>
    </message>
    <message>
        <source>&amp;Grounds:</source>
        <translation>&amp;Sail:</translation>
    </message>
    <message>
        <source>&amp;What it says:</source>
        <translation>&amp;Beth mae&apos;n ei ddweud:</translation>
    </message>
    <message>
        <source>Tick at least one child the complaint concerns.</source>
        <translation>Ticiwch o leiaf un plentyn y mae&apos;r gŵyn yn ymwneud ag ef.</translation>
    </message>
</context>
<context>
    <name>RecordsStrip</name>
    <message>
        <source>Complaints due</source>
        <extracomment>How many due complaint steps the line names before &quot;and N more&quot;.</extracomment>
        <translation>Cwynion sy&apos;n ddyledus</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Cadw cofnodion</translation>
    </message>
    <message>
        <source>&amp;Retention…</source>
        <translation>Ca&amp;dw cofnodion…</translation>
    </message>
    <message>
        <source>Retention dates, legal holds and deleting old conferences</source>
        <translation>Dyddiadau cadw, daliadau cyfreithiol a dileu hen gynadleddau</translation>
    </message>
    <message>
        <source>; and {count} more</source>
        <translation>; a {count} arall hefyd</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Cwynion</translation>
    </message>
    <message>
        <source>No complaint has a step due.</source>
        <translation>Nid oes cam yn ddyledus ar unrhyw gŵyn.</translation>
    </message>
    <message>
        <source>1 conference has reached the end of its retention: a chair may delete it (Retention…)</source>
        <translation>Mae 1 gynhadledd wedi cyrraedd diwedd ei chyfnod cadw: gall cadeirydd ei dileu (Cadw cofnodion…)</translation>
    </message>
    <message>
        <source>{count} conferences have reached the end of its retention: a chair may delete it (Retention…)</source>
        <translation>Mae {count} cynhadledd wedi cyrraedd diwedd eu cyfnod cadw: gall cadeirydd eu dileu (Cadw cofnodion…)</translation>
    </message>
    <message>
        <source>No conference has reached the end of its retention.</source>
        <translation>Nid oes cynhadledd wedi cyrraedd diwedd ei chyfnod cadw.</translation>
    </message>
    <message>
        <source>{count} on legal hold.</source>
        <translation>{count} o dan ddaliad cyfreithiol.</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Cynhaliwyd ar</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>Achos wedi cau</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Cedwir tan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Daliad</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rheol</translation>
    </message>
    <message>
        <source>Deleted on</source>
        <translation>Dilëwyd ar</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Gan</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>yn cael ei chadw</translation>
    </message>
    <message>
        <source>due for deletion</source>
        <translation>yn barod i&apos;w dileu</translation>
    </message>
    <message>
        <source>on legal hold</source>
        <translation>o dan ddaliad cyfreithiol</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Cadw cofnodion</translation>
    </message>
    <message>
        <source>CPC Desktop never deletes a conference on its own. Each is kept until its retention date, by its profile&apos;s rule; a conference on legal hold is kept whatever its date.</source>
        <translation>Nid yw CPC Desktop byth yn dileu cynhadledd ohono&apos;i hun. Cedwir pob un tan ei dyddiad cadw, yn ôl rheol ei phroffil; cedwir cynhadledd o dan ddaliad cyfreithiol beth bynnag yw ei dyddiad.</translation>
    </message>
    <message>
        <source>Show only what falls &amp;due (and what is held)</source>
        <translation>Dangos dim ond yr hyn sy&apos;n ddyl&amp;edus (a&apos;r hyn a ddelir)</translation>
    </message>
    <message>
        <source>Conferences and their retention</source>
        <translation>Cynadleddau a&apos;u cyfnod cadw</translation>
    </message>
    <message>
        <source>No conference has reached its retention date.</source>
        <translation>Nid oes cynhadledd wedi cyrraedd ei dyddiad cadw.</translation>
    </message>
    <message>
        <source>Conferences deleted</source>
        <translation>Cynadleddau a ddilëwyd</translation>
    </message>
    <message>
        <source>&amp;Conferences:</source>
        <translation>C&amp;ynadleddau:</translation>
    </message>
    <message>
        <source>Deleted from this &amp;store (what is left of each):</source>
        <translation>Wedi&apos;u dileu o&apos;r &amp;storfa hon (yr hyn sy&apos;n weddill o bob un):</translation>
    </message>
    <message>
        <source>Why (a hold or a deletion)</source>
        <translation>Pam (daliad neu ddileu)</translation>
    </message>
    <message>
        <source>why it is held (an inquiry) or deleted (period ended)</source>
        <translation>pam y&apos;i delir (ymchwiliad) neu y&apos;i dilëir (daeth y cyfnod i ben)</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Pam:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>The case closed on</source>
        <translation>Caeodd yr achos ar</translation>
    </message>
    <message>
        <source>Case closed o&amp;n:</source>
        <translation>Caeodd yr achos a&amp;r:</translation>
    </message>
    <message>
        <source>Set the closure da&amp;te</source>
        <translation>Gosod y dyddiad &amp;cau</translation>
    </message>
    <message>
        <source>The retention clock runs from the later of the conference and this date</source>
        <translation>Mae&apos;r cloc cadw yn rhedeg o&apos;r hwyraf o ddau ddyddiad: y gynhadledd a&apos;r dyddiad hwn</translation>
    </message>
    <message>
        <source>Place a legal &amp;hold</source>
        <translation>Gosod daliad cyfreit&amp;hiol</translation>
    </message>
    <message>
        <source>&amp;Lift the hold</source>
        <translation>Codi&apos;r dal&amp;iad</translation>
    </message>
    <message>
        <source>D&amp;elete</source>
        <translation>&amp;Dileu</translation>
    </message>
    <message>
        <source>Confirm &amp;upload…</source>
        <translation>Cadarnha&amp;u&apos;r llwytho i fyny…</translation>
    </message>
    <message>
        <source>Record that the issued minutes went to the case system</source>
        <translation>Cofnodi bod y cofnodion a gyhoeddwyd wedi mynd i&apos;r system achosion</translation>
    </message>
    <message>
        <source>W&amp;ipe local copy…</source>
        <translation>C&amp;lirio&apos;r copi lleol…</translation>
    </message>
    <message>
        <source>Once the upload is confirmed: delete the conference here for good (Alt+K)</source>
        <translation>Ar ôl cadarnhau&apos;r llwytho i fyny: dileu&apos;r gynhadledd yma am byth (Alt+K)</translation>
    </message>
    <message>
        <source>Upload to the case system</source>
        <translation>Llwytho i fyny i&apos;r system achosion</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>C&amp;au</translation>
    </message>
    <message>
        <source>Say why {reference} is deleted (Why:).</source>
        <translation>Dywedwch pam y caiff {reference} ei dileu (Pam:).</translation>
    </message>
    <message>
        <source>Confirm d&amp;elete</source>
        <translation>Cadarnhau &amp;dileu</translation>
    </message>
    <message>
        <source>Delete {reference} and everything recorded about it (its minutes, letters, output files, appeals and complaints)? Only a tombstone will remain; this cannot be undone. Press Confirm delete to go ahead.</source>
        <translation>Dileu {reference} a phopeth a gofnodwyd amdani (ei chofnodion, llythyrau, ffeiliau allbwn, apeliadau a chwynion)? Dim ond carreg fedd fydd ar ôl; ni ellir dadwneud hyn. Pwyswch Cadarnhau dileu i fynd ymlaen.</translation>
    </message>
    <message>
        <source>{reference} was deleted; its tombstone is below.</source>
        <translation>Dilëwyd {reference}; mae ei charreg fedd isod.</translation>
    </message>
    <message>
        <source>1 older copy of the store beside it (.bak) still hold it until deleted.</source>
        <translation>Mae 1 copi hŷn o&apos;r storfa wrth ei hochr (.bak) yn dal i&apos;w chadw nes ei ddileu.</translation>
    </message>
    <message>
        <source>{count} older copies of the store beside it (.bak) still hold it until deleted.</source>
        <translation>Mae {count} copi hŷn o&apos;r storfa wrth ei hochr (.bak) yn dal i&apos;w chadw nes eu dileu.</translation>
    </message>
    <message>
        <source>The upload of {reference} is confirmed; its local copy may now be wiped.</source>
        <translation>Mae llwytho {reference} i fyny wedi&apos;i gadarnhau; gellir clirio ei chopi lleol nawr.</translation>
    </message>
    <message>
        <source>{reference} was wiped; its tombstone is below.</source>
        <translation>Cliriwyd {reference}; mae ei charreg fedd isod.</translation>
    </message>
    <message>
        <source>It was purged from 1 backup beside the store.</source>
        <translation>Cafodd ei thynnu o 1 copi wrth gefn wrth ochr y storfa.</translation>
    </message>
    <message>
        <source>It was purged from {count} backups beside the store.</source>
        <translation>Cafodd ei thynnu o {count} copi wrth gefn wrth ochr y storfa.</translation>
    </message>
    <message>
        <source>Upload: none confirmed for {reference}&apos;s newest issued minutes (Confirm upload…, Alt+U).</source>
        <translation>Llwytho i fyny: nid oes cadarnhad bod cofnodion diweddaraf {reference} a gyhoeddwyd wedi&apos;u llwytho i fyny (Cadarnhau&apos;r llwytho i fyny…, Alt+U).</translation>
    </message>
    <message>
        <source>Upload: {reference}&apos;s newest issued minutes were {uploaded}.</source>
        <translation>Llwytho i fyny: cadarnhawyd bod cofnodion diweddaraf {reference} a gyhoeddwyd wedi&apos;u llwytho i fyny ({uploaded}).</translation>
    </message>
</context>
<context>
    <name>ScaleChart</name>
    <message>
        <source>No safety scales were recorded at the plan&apos;s conferences.</source>
        <translation>Ni chofnodwyd graddfeydd diogelwch yng nghynadleddau&apos;r cynllun.</translation>
    </message>
    <message>
        <source>{score} out of 10 on {day}</source>
        <translation>{score} allan o 10 ar {day}</translation>
    </message>
    <message>
        <source>Safety scale over the plan</source>
        <translation>Y raddfa ddiogelwch dros gyfnod y cynllun</translation>
    </message>
</context>
<context>
    <name>StoreCheck</name>
    <message>
        <source>checking every page</source>
        <translation>yn gwirio pob tudalen</translation>
    </message>
    <message>
        <source>checking the structure</source>
        <translation>yn gwirio&apos;r strwythur</translation>
    </message>
    <message>
        <source>checking the search index</source>
        <translation>yn gwirio&apos;r mynegai chwilio</translation>
    </message>
    <message>
        <source>replaying the audit log</source>
        <translation>yn ailchwarae&apos;r log archwilio</translation>
    </message>
    <message>
        <source>hashing every row</source>
        <translation>yn stwnsio pob rhes</translation>
    </message>
    <message>
        <source>comparing every row with the audit log</source>
        <translation>yn cymharu pob rhes â&apos;r log archwilio</translation>
    </message>
    <message>
        <source>Store check progress</source>
        <translation>Cynnydd gwirio&apos;r storfa</translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation>Canslo&apos;r gwiriad</translation>
    </message>
    <message>
        <source>Checking the store: %p %</source>
        <translation>Yn gwirio&apos;r storfa: %p %</translation>
    </message>
    <message>
        <source>Stopping the check…</source>
        <translation>Yn atal y gwiriad…</translation>
    </message>
    <message>
        <source>Checking the store: %p % ({what})</source>
        <translation>Yn gwirio&apos;r storfa: %p % ({what})</translation>
    </message>
    <message>
        <source>The check was stopped before it finished; nothing was changed</source>
        <translation>Cafodd y gwiriad ei atal cyn iddo orffen; ni newidiwyd dim</translation>
    </message>
    <message>
        <source>The store could not be checked</source>
        <translation>Methu gwirio&apos;r storfa</translation>
    </message>
    <message>
        <source>The store is sound: {conferences} conferences, {rows} rows, {events} audit events.</source>
        <translation>Mae&apos;r storfa&apos;n iach: {conferences} cynhadledd, {rows} rhes, {events} digwyddiad archwilio.</translation>
    </message>
    <message>
        <source>The store is sound</source>
        <translation>Mae&apos;r storfa&apos;n iach</translation>
    </message>
    <message>
        <source>The store failed its check</source>
        <translation>Methodd y storfa ei gwiriad</translation>
    </message>
</context>
<context>
    <name>TypesetJob</name>
    <message>
        <source>Issue the minutes</source>
        <extracomment>How often the dialog looks for what the typesetter has sent, in ms. The jobs under way (kept alive here; tests wait on :func:`running`). The one line said when a copy could not be typeset (``what``: &quot;minutes&quot;, &quot;letter&quot;…).</extracomment>
        <translation>Cyhoeddi&apos;r cofnodion</translation>
    </message>
    <message>
        <source>Export the minutes</source>
        <translation>Allforio&apos;r cofnodion</translation>
    </message>
    <message>
        <source>Issue the letter</source>
        <translation>Cyhoeddi&apos;r llythyr</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Marcio fel wedi&apos;i anfon</translation>
    </message>
    <message>
        <source>The minutes could not be typeset, so nothing was issued or recorded.</source>
        <translation>Nid oedd modd cysodi&apos;r cofnodion, felly ni chyhoeddwyd na chofnodwyd dim.</translation>
    </message>
    <message>
        <source>The letter could not be typeset, so nothing was issued or recorded.</source>
        <translation>Nid oedd modd cysodi&apos;r llythyr, felly ni chyhoeddwyd na chofnodwyd dim.</translation>
    </message>
    <message>
        <source>The family copy could not be typeset, so nothing was held or recorded.</source>
        <translation>Nid oedd modd cysodi copi&apos;r teulu, felly ni ddaliwyd na chofnodwyd dim.</translation>
    </message>
    <message>
        <source>The copy could not be typeset, so nothing was exported or recorded.</source>
        <translation>Nid oedd modd cysodi&apos;r copi, felly ni allforiwyd na chofnodwyd dim.</translation>
    </message>
    <message>
        <source>Typesetting the document…</source>
        <translation>Yn cysodi&apos;r ddogfen…</translation>
    </message>
    <message>
        <source>Typesetting</source>
        <translation>Cysodi</translation>
    </message>
    <message>
        <source>Typesetting progress</source>
        <translation>Cynnydd y cysodi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Stop: nothing is signed, written or recorded</source>
        <translation>Atal: ni chaiff dim ei lofnodi, ei ysgrifennu na&apos;i gofnodi</translation>
    </message>
    <message>
        <source>Nothing is signed or recorded until the whole copy is typeset.</source>
        <translation>Ni chaiff dim ei lofnodi na&apos;i gofnodi nes bod y copi cyfan wedi&apos;i gysodi.</translation>
    </message>
    <message>
        <source>Typesetting: 1 page set so far…</source>
        <translation>Yn cysodi: 1 dudalen wedi&apos;i gosod hyd yn hyn…</translation>
    </message>
    <message>
        <source>Typesetting: {count} pages set so far…</source>
        <translation>Yn cysodi: {count} tudalen wedi&apos;u gosod hyd yn hyn…</translation>
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
<context>
    <name>WipeForm</name>
    <message>
        <source>Wipe the local copy of {reference}</source>
        <translation>Clirio copi lleol {reference}</translation>
    </message>
    <message>
        <source>&amp;Wipe {reference}</source>
        <translation>&amp;Clirio {reference}</translation>
    </message>
    <message>
        <source>Wipe the local copy of {reference}, held on {day}? Its newest issued minutes were {uploaded}. Everything recorded about {reference} in this store (its minutes, letters, output files, appeals and complaints) is deleted for good, from the backups beside the store too. Only a tombstone will remain, saying why. This cannot be undone.</source>
        <translation>Clirio copi lleol {reference}, a gynhaliwyd ar {day}? Mae ei chofnodion diweddaraf a gyhoeddwyd wedi&apos;u llwytho i fyny ({uploaded}). Caiff popeth a gofnodwyd am {reference} yn y storfa hon (ei chofnodion, llythyrau, ffeiliau allbwn, apeliadau a chwynion) ei ddileu am byth, o&apos;r copïau wrth gefn wrth ochr y storfa hefyd. Dim ond carreg fedd fydd ar ôl, yn dweud pam. Ni ellir dadwneud hyn.</translation>
    </message>
    <message>
        <source>Why (optional: the upload is said)</source>
        <translation>Pam (dewisol: nodir y llwytho i fyny)</translation>
    </message>
    <message>
        <source>Anything to &amp;add:</source>
        <translation>Unrhyw beth i&apos;w &amp;ychwanegu:</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>Problem</source>
        <extracomment>The outcomes a decided appeal may have (not &quot;waiting&quot;).</extracomment>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
</context>
</TS>
