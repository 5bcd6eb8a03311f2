"""Initial schema: conferences, their people, minutes, decisions, documents and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# The same guard on PostgreSQL (a server store); TRUNCATE is refused as well.
_PG_AUDIT_TRIGGERS = (
    "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$",
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()",
)


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "chair", "minute_taker", "read_only", name="userrole", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("name", name=op.f("uq_app_user_name")),
    )
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("object_type", sa.String(length=60), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("rows", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_event_hash")),
    )
    op.create_table(
        "conference",
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "initial",
                "review",
                "transfer_in",
                "pre_birth",
                name="conferencetype",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled",
                "in_progress",
                "adjourned",
                "concluded",
                "cancelled",
                name="conferencestatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("profile", sa.String(length=60), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("local_authority", sa.String(length=200), nullable=False),
        sa.Column("venue", sa.Text(), nullable=False),
        sa.Column(
            "mode",
            sa.Enum(
                "in_person", "remote", "hybrid", name="meetingmode", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("strategy_discussion_date", sa.Date(), nullable=True),
        sa.Column("transfer_notice_date", sa.Date(), nullable=True),
        sa.Column("previous_conference_date", sa.Date(), nullable=True),
        sa.Column("review_number", sa.Integer(), nullable=False),
        sa.Column("delay_reason", sa.Text(), nullable=True),
        sa.Column("quorum_reason", sa.Text(), nullable=True),
        sa.Column("reconvene_of", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conference")),
        sa.UniqueConstraint("reference", name=op.f("uq_conference_reference")),
    )
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conference_date"), ["date"], unique=False)

    op.create_table(
        "store_info",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_info")),
        sa.UniqueConstraint("key", name=op.f("uq_store_info_key")),
    )
    op.create_table(
        "agenda_item",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("allowance_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "current",
                "done",
                "skipped",
                name="agendastatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_agenda_item_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_item_conference_id"), ["conference_id"], unique=False
        )

    op.create_table(
        "child",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("given_name", sa.String(length=200), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("expected_date_of_delivery", sa.Date(), nullable=True),
        sa.Column(
            "participation",
            sa.Enum(
                "attends_all",
                "attends_part",
                "written_or_drawn",
                "through_advocate",
                "not_taking_part",
                name="childparticipation",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("participation_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_child_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_child")),
    )
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_child_conference_id"), ["conference_id"], unique=False)

    op.create_table(
        "minutes_version",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=20), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "draft", "approved", "issued", name="minutesstate", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        sa.Column("amendment_note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_minutes_version_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["minutes_version.id"],
            name=op.f("fk_minutes_version_supersedes_id_minutes_version"),
            ondelete="SET NULL",
            deferrable=True,
            initially="DEFERRED",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_version")),
    )
    with op.batch_alter_table("minutes_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minutes_version_conference_id"), ["conference_id"], unique=False
        )

    op.create_table(
        "participant",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "chair",
                "minute_taker",
                "social_worker",
                "team_manager",
                "professional",
                "parent",
                "carer",
                "family_member",
                "child",
                "advocate",
                "supporter",
                "interpreter",
                "observer",
                name="participantrole",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("relationship", sa.String(length=200), nullable=False),
        sa.Column("direct_contact", sa.Boolean(), nullable=False),
        sa.Column("invited", sa.Boolean(), nullable=False),
        sa.Column("report_received", sa.Date(), nullable=True),
        sa.Column("report_shared_with_family", sa.Date(), nullable=True),
        sa.Column("interpreter_language", sa.String(length=200), nullable=True),
        sa.Column("advocate_needed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_participant_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participant")),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participant_conference_id"), ["conference_id"], unique=False
        )

    op.create_table(
        "attendance_event",
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "present",
                "apologies",
                "absent",
                "arrived",
                "left",
                "excluded",
                name="attendancekind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=True),
        sa.Column(
            "grounds",
            sa.Enum(
                "prejudice_to_welfare",
                "violence_or_threats",
                "unfit_to_take_part",
                "child_asked",
                "prevents_others",
                "confidential_information",
                "family_conflict",
                name="exclusionground",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_attendance_event_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance_event")),
    )
    with op.batch_alter_table("attendance_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attendance_event_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "decision",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("child_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("threshold_met", sa.Boolean(), nullable=True),
        sa.Column("threshold_rationale", sa.Text(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "child_protection_plan",
                "child_in_need_plan",
                "no_further_action",
                "adjourn",
                "end_plan",
                "administrative_end",
                name="outcome",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("primary_category", sa.String(length=60), nullable=True),
        sa.Column("lead_social_worker_id", sa.String(length=36), nullable=True),
        sa.Column("lead_social_worker_contact", sa.Text(), nullable=False),
        sa.Column("core_group", sa.JSON(), nullable=False),
        sa.Column("first_core_group_date", sa.Date(), nullable=True),
        sa.Column("first_core_group_reason", sa.Text(), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("review_date_reason", sa.Text(), nullable=True),
        sa.Column("contingency_plan", sa.Text(), nullable=False),
        sa.Column("parents_view", sa.Text(), nullable=False),
        sa.Column("child_view", sa.Text(), nullable=False),
        sa.Column(
            "ending",
            sa.Enum(
                "turned_18",
                "moved_authority",
                "died",
                "left_uk",
                name="administrativeending",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("ending_date", sa.Date(), nullable=True),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"], ["child.id"], name=op.f("fk_decision_child_id_child"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_decision_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_social_worker_id"],
            ["participant.id"],
            name=op.f("fk_decision_lead_social_worker_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
        sa.UniqueConstraint("child_id", name=op.f("uq_decision_child_id")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decision_conference_id"), ["conference_id"], unique=False
        )

    op.create_table(
        "letter",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("recipient_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_letter_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["participant.id"],
            name=op.f("fk_letter_recipient_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter")),
    )
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_letter_conference_id"), ["conference_id"], unique=False
        )

    op.create_table(
        "minute_entry",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("agenda_item_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "tag",
            sa.Enum(
                "fact",
                "observation",
                "allegation",
                "opinion",
                name="tag",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("restricted", sa.Boolean(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_minute_entry_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_minute_entry_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["participant.id"],
            name=op.f("fk_minute_entry_speaker_id_participant"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minute_entry")),
    )
    with op.batch_alter_table("minute_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_minute_entry_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_minute_entry_conference_id"), ["conference_id"], unique=False
        )

    op.create_table(
        "agency_view",
        sa.Column("decision_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column(
            "view",
            sa.Enum(
                "plan",
                "child_in_need",
                "no_further_action",
                "unsure",
                name="view",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_agency_view_decision_id_decision"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_agency_view_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_view")),
    )
    with op.batch_alter_table("agency_view", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agency_view_decision_id"), ["decision_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agency_view_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "dissent",
        sa.Column("decision_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_dissent_decision_id_decision"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_dissent_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dissent")),
    )
    with op.batch_alter_table("dissent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dissent_decision_id"), ["decision_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_dissent_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "distribution",
        sa.Column("conference_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("item", sa.String(length=60), nullable=False),
        sa.Column(
            "copy",
            sa.Enum("full", "family", name="copykind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("minutes_version_id", sa.String(length=36), nullable=True),
        sa.Column("letter_id", sa.String(length=36), nullable=True),
        sa.Column("method", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["conference.id"],
            name=op.f("fk_distribution_conference_id_conference"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["letter_id"],
            ["letter.id"],
            name=op.f("fk_distribution_letter_id_letter"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["minutes_version_id"],
            ["minutes_version.id"],
            name=op.f("fk_distribution_minutes_version_id_minutes_version"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_distribution_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_distribution")),
    )
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_distribution_conference_id"), ["conference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_distribution_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "plan_action",
        sa.Column("decision_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_created_at", sa.DateTime(), nullable=False),
        sa.Column("row_created_by", sa.String(length=200), nullable=False),
        sa.Column("row_updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_updated_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_plan_action_decision_id_decision"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_action")),
    )
    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_action_decision_id"), ["decision_id"], unique=False
        )

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # The audit log is append-only; check also detects edits made by dropping these.
        op.execute(
            "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
        op.execute(
            "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
    elif dialect == "postgresql":
        for statement in _PG_AUDIT_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_action_decision_id"))

    op.drop_table("plan_action")
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_distribution_participant_id"))
        batch_op.drop_index(batch_op.f("ix_distribution_conference_id"))

    op.drop_table("distribution")
    with op.batch_alter_table("dissent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dissent_participant_id"))
        batch_op.drop_index(batch_op.f("ix_dissent_decision_id"))

    op.drop_table("dissent")
    with op.batch_alter_table("agency_view", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agency_view_participant_id"))
        batch_op.drop_index(batch_op.f("ix_agency_view_decision_id"))

    op.drop_table("agency_view")
    with op.batch_alter_table("minute_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minute_entry_conference_id"))
        batch_op.drop_index(batch_op.f("ix_minute_entry_agenda_item_id"))

    op.drop_table("minute_entry")
    with op.batch_alter_table("letter", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letter_conference_id"))

    op.drop_table("letter")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_conference_id"))

    op.drop_table("decision")
    with op.batch_alter_table("attendance_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_event_participant_id"))

    op.drop_table("attendance_event")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participant_conference_id"))

    op.drop_table("participant")
    with op.batch_alter_table("minutes_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_minutes_version_conference_id"))

    op.drop_table("minutes_version")
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_child_conference_id"))

    op.drop_table("child")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_conference_id"))

    op.drop_table("agenda_item")
    op.drop_table("store_info")
    with op.batch_alter_table("conference", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conference_date"))

    op.drop_table("conference")
    op.drop_table("audit_event")  # its triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_event_append_only()")
    op.drop_table("app_user")
