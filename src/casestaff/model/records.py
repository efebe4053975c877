"""The case file as typed records: one class per block a caseworker writes by hand.

These classes are the single description of the case file format. The loader validates
against them, `casestaff schema` turns them into a JSON Schema, the docs and `casestaff new`
skeletons read their field descriptions. A field with no default is required.

Every record remembers where it came from: `pos` is the (line, column) of the record, and
`at[field]` the (line, column) of each value, so flags can cite the file line of their evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from casestaff.model.plain import dataclass
from typing import Any, Literal, NewType

from casestaff.model.when import PLAUSIBLE_YEARS as PLAUSIBLE_YEARS  # model.PLAUSIBLE_YEARS, read by the builders

Month = NewType("Month", dt.date)
"""A calendar month, written `YYYY-MM` in the file and held as the first day of that month."""

Time = NewType("Time", str)
"""A time of day written `HH:MM` (24-hour), e.g. `15:00`."""

Position = tuple[int, int]

Number = int | float
"""A number as the file writes it: `80` stays the whole number 80 and `7.5` stays 7.5 (typed
`float` alone, a cached case would come back from the cache as 80.0, and print so)."""


YesNo = Literal["yes", "no", "unknown"]

RiskFactorName = Literal[
    "homelessness",
    "domestic_violence",
    "substance_use",
    "mental_health",
    "physical_health",
    "learning_needs",
    "childcare",
    "transportation",
    "legal",
    "other",
]
ReviewAreaName = Literal[
    "domestic_violence",
    "mental_health",
    "drug_alcohol",
    "learning_needs",
    "physical_health",
    "childcare_transportation",
]
ReleaseArea = Literal[
    "domestic_violence",
    "mental_health",
    "substance_use",
    "physical_health",
    "child_welfare",
    "address",
    "birth_dates",
    "all",
]


def doc(text: str, default: Any = ..., example: Any = None) -> Any:
    """A dataclass field carrying its user-facing description (and an example for skeletons)."""
    meta = {"doc": text, "example": example}
    if default is ...:
        return field(metadata=meta)
    if isinstance(default, (list, dict)):
        return field(default_factory=type(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(kw_only=True, slots=True)
class Record:
    """Base of every block: where it stands in the file."""

    pos: Position = field(default=(0, 0), repr=False, compare=False, metadata={"internal": True})
    at: dict[str, Position] = field(
        default_factory=dict, repr=False, compare=False, metadata={"internal": True}
    )

    def line_of(self, name: str) -> int:
        """The 1-based file line of a field's value (the record's own line when absent)."""
        return self.at.get(name, self.pos)[0]

    def says_none(self, name: str) -> bool:
        """The file writes the list `name` empty (`household: []`): it says there are none.

        That is an answer -- the participant lives alone, no risk factor is known -- and not the
        same as leaving the field out or empty (`household:`), which says nothing: `casestaff
        new` writes every list that way for the worker to fill in.
        """
        return f"{name}[]" in self.at


@dataclass(kw_only=True, slots=True)
class Participant(Record):
    name: str = doc("Participant's full name.", example="Jordan Example")
    birth_date: dt.date | None = doc("Date of birth, YYYY-MM-DD.", None, example="1990-01-31")
    relationship_status: str | None = doc(
        "Relationship status in the participant's words (single, married, partnered ...).", None, "single"
    )
    employment_education: str | None = doc(
        "Employment and education status (highest education, current or last job).", None, "GED; no current job"
    )
    address: str | None = doc("Home address (withheld from partner agendas without a release).", None)
    phone: str | None = doc("Phone number.", None)


@dataclass(kw_only=True, slots=True)
class HouseholdMember(Record):
    name: str = doc("Full name.", example="Sam Example")
    relationship: str = doc("Relationship to the participant (son, partner, grandmother ...).", example="son")
    birth_date: dt.date | None = doc("Date of birth, YYYY-MM-DD.", None, example="2015-06-01")


@dataclass(kw_only=True, slots=True)
class Component(Record):
    name: str = doc("Activity component (job search, vocational training, work experience ...).", example="Job search")
    start: dt.date = doc("First day in this component.", example="2026-01-05")
    end: dt.date | None = doc("Last day in this component; leave empty while it continues.", None)
    provider: str | None = doc("Who delivers the component.", None)
    note: str | None = doc("Anything the team should know.", None)


@dataclass(kw_only=True, slots=True)
class ParticipationMonth(Record):
    month: Month = doc("The month, YYYY-MM.", example="2026-01")
    required_hours: Number = doc("Hours the participant was required to take part.", example=80)
    actual_hours: Number = doc("Hours the participant actually took part.", example=80)
    good_cause: bool = doc("true when a shortfall had good cause.", False, example=False)
    note: str | None = doc("Why hours were short, good cause reason ...", None)


@dataclass(kw_only=True, slots=True)
class ProgressReview(Record):
    date: dt.date = doc("Date of the review.", example="2026-02-15")
    progress: Literal["none", "some", "good"] = doc("Progress toward the goal since the last review.", example="some")
    note: str | None = doc("What was seen.", None)


@dataclass(kw_only=True, slots=True)
class Strengths(Record):
    individual: list[str] = doc("The participant's own strengths.", [], example=["High school diploma"])
    family: list[str] = doc("Strengths of the family.", [], example=["Grandmother helps with childcare"])


@dataclass(kw_only=True, slots=True)
class Challenges(Record):
    participant: list[str] = doc("Challenges the participant faces.", [], example=["No reliable transportation"])
    family: list[str] = doc("Challenges in the family.", [])
    other: list[str] = doc("Any other challenges the participant may be experiencing.", [])
    coach: list[str] = doc("Challenges of the coach or worker in serving this participant.", [])


@dataclass(kw_only=True, slots=True)
class RiskFactor(Record):
    factor: RiskFactorName = doc("The kind of risk or barrier.", example="transportation")
    noted: dt.date = doc("When it was first noted.", example="2026-02-01")
    resolved: dt.date | None = doc("When it stopped being a concern; empty while it lasts.", None)
    anticipated_duration: str | None = doc("How long it is expected to last.", None, "3 months")
    how_addressed: str | None = doc("What has been done about it.", None)
    note: str | None = doc("Details.", None)


@dataclass(kw_only=True, slots=True)
class Referral(Record):
    service: RiskFactorName = doc("The need the referral addresses.", example="mental_health")
    date: dt.date = doc("Date of the referral.", example="2026-02-10")
    to: str | None = doc("Agency or service referred to.", None)
    note: str | None = doc("Details.", None)


@dataclass(kw_only=True, slots=True)
class ReviewArea(Record):
    area: ReviewAreaName = doc("The review area.", example="childcare_transportation")
    who: Literal["adult", "children", "both"] | None = doc("Whom the limitation concerns.", None)
    limitation: YesNo = doc("Was a limitation or challenge present? yes, no or unknown.", "unknown", "unknown")
    accommodations: str | None = doc("Accommodations and resources offered by the department.", None)
    affected_participation: YesNo = doc("Did it affect participation? yes, no or unknown.", "unknown")
    note: str | None = doc("Details.", None)


@dataclass(kw_only=True, slots=True)
class Release(Record):
    party: str = doc("Who may receive information (a partner agency or person).", example="Community Action")
    form: str | None = doc("The release form, e.g. MSC 3010.", None, "MSC 3010")
    signed: dt.date = doc("Date the participant signed it.", example="2026-01-20")
    expires: dt.date | None = doc("Date it expires; empty if it does not.", None)
    covers: list[ReleaseArea] = doc("Information it covers (or all).", [], example=["all"])


@dataclass(kw_only=True, slots=True)
class Sanction(Record):
    reason: str = doc("Why a sanction or disqualification is proposed.", example="No participation in January")
    proposed_on: dt.date = doc("Date it was proposed.", example="2026-02-02")
    effective_on: dt.date = doc("Date it would take effect.", example="2026-03-01")
    status: Literal["pending", "imposed", "withdrawn"] = doc("pending, imposed or withdrawn.", "pending")
    decided_on: dt.date | None = doc(
        "Date it was imposed or withdrawn; before that day it still counts as pending (so past mornings replay).", None
    )


@dataclass(kw_only=True, slots=True)
class OutstandingItem(Record):
    item: str = doc("Information still missing (child safety check, offsite visit outcome ...).", example="Child safety check")
    requested: dt.date = doc("Date it was asked for.", example="2026-02-05")
    received: dt.date | None = doc("Date it arrived; empty while outstanding.", None)
    note: str | None = doc("Details.", None)


@dataclass(kw_only=True, slots=True)
class EligibilityCheck(Record):
    month: Month = doc("Month verified, YYYY-MM.", example="2026-02")
    verified_on: dt.date = doc("Date eligibility was verified (IES).", example="2026-02-03")
    eligible: bool = doc("true when the participant was eligible.", example=True)


@dataclass(kw_only=True, slots=True)
class Employment(Record):
    employer: str = doc("Employer's name.", example="Example Grocers")
    start: dt.date = doc("First day of work.", example="2026-02-01")
    end: dt.date | None = doc("Last day of work; empty while employed.", None)
    hours_per_week: Number | None = doc("Usual hours per week.", None)
    hourly_wage: Number | None = doc("Hourly wage in dollars.", None)


@dataclass(kw_only=True, slots=True)
class Child(Record):
    name: str = doc("The child's name.", example="Riley Example")
    birth_date: dt.date = doc("Date of birth.", example="2015-04-01")
    special_needs: list[str] = doc("Special needs (IEP, MR/DD, mental health, physical health ...).", [])
    placement: str | None = doc("Current placement (relative, kin, foster home, residential ...).", None)
    placement_since: dt.date | None = doc("Since when.", None)
    relative_placement: bool | None = doc("true when placed with a relative or kin.", None)
    permanency_goal: Literal["reunification", "adoption", "guardianship", "oppla", "other"] | None = doc(
        "Case plan goal.", None, "reunification"
    )
    wants_adoption: YesNo | None = doc("For a child 14 or older: does the child want to be adopted?", None)
    siblings_placed_together: Literal["yes", "no", "not_applicable"] | None = doc("Are siblings placed together?", None)
    visits_occurring: YesNo | None = doc("Are visits occurring?", None)


@dataclass(kw_only=True, slots=True)
class Checklist(Record):
    """The reintegration staffing checklist; each item says where it is documented, or is empty."""

    paternity_established: str | None = doc("Where paternity is documented.", None)
    icwa: str | None = doc("ICWA followed (or 'not applicable') and where it is documented.", None)
    birth_certificate: str | None = doc("Where the birth certificate copy is filed.", None)
    social_security_card: str | None = doc("Where the social security card copy is filed.", None)
    grandparents: str | None = doc("Grandparents' addresses and involvement, or where documented.", None)
    relatives_kin: str | None = doc("Relatives and kin with addresses, or where documented.", None)
    kin_not_appropriate: str | None = doc("Documentation when a relative/kin is not an appropriate resource.", None)


@dataclass(kw_only=True, slots=True)
class CasePlanTask(Record):
    task: str = doc("What must be done.", example="Complete parenting class")
    owner: str | None = doc("Who does it.", None, "mother")
    due: dt.date = doc("Due date.", example="2026-03-01")
    status: Literal["open", "achieved", "not_achieved"] = doc("open, achieved or not_achieved.", "open")
    completed: dt.date | None = doc("Date it was achieved.", None)
    note: str | None = doc("Details.", None)


@dataclass(kw_only=True, slots=True)
class Person(Record):
    role: str = doc("Role abbreviation from the program (FC, Manager ...).", example="FC")
    initials: str = doc("Initials.", example="RH")
    name: str | None = doc("Full name.", None)
    organization: str | None = doc("Organization, for partners.", None)
    designee_for: str | None = doc(
        "When this person attends as the designee of department staff: the department role they stand in for"
        " (Manager, FC ...). A designee counts toward the team's minimum of department staff, and as that role"
        " where the program requires one (see `casestaff programs ID`).",
        None,
        "Manager",
    )
    release_needed: bool | None = doc(
        "For a partner whose role may need a signed release before being invited (a community partner and the"
        " MSC 3010): false when this partner does not need one -- the policy asks it of some partners, not all."
        " Left out: the partner needs one.",
        None,
        False,
    )


@dataclass(kw_only=True, slots=True)
class NextStep(Record):
    step: str = doc("What will be done.", example="Contact 4 childcare providers")
    owner: str | None = doc("Who does it.", None, "participant")
    due: dt.date = doc("By when.", example="2026-03-15")
    done: dt.date | None = doc("Date it was done; empty while open.", None)


@dataclass(kw_only=True, slots=True)
class Appointment(Record):
    date: dt.date = doc("Date of the next appointment.", example="2026-03-16")
    time: Time | None = doc("Time, HH:MM (24-hour).", None, "15:00")
    how: str | None = doc("In person, by phone, video ...", None, "phone")
    initiated_by: str | None = doc("Who initiates (role abbreviation).", None, "FC")


@dataclass(kw_only=True, slots=True)
class PlannedStaffing(Record):
    date: dt.date | None = doc("Planned meeting date.", None)
    kind: str | None = doc("Kind of staffing, from the program.", None)
    invited: list[Person] = doc("Who is invited.", [])
    decision_kind: str | None = doc(
        "A kind of decision the team expects to consider (see `casestaff programs ID`), e.g."
        " termination-of-parental-rights: the agenda checks its requirements ahead of the meeting.",
        None,
    )


@dataclass(kw_only=True, slots=True)
class Staffing(Record):
    date: dt.date = doc("Date the staffing was held.", example="2026-02-20")
    kind: str = doc("Kind of staffing, from the program (see `casestaff programs ID`).", example="case-staffing")
    title: str | None = doc("Title line for the narration.", None)
    present: list[Person] = doc("Who was present, in the order to narrate.", [])
    discussion: str | None = doc("What the team discussed.", None)
    strengths_identified: list[str] = doc("Strengths the team identified.", [])
    challenges_identified: list[str] = doc("Challenges the team identified.", [])
    all_information_discussed: bool | None = doc(
        "true when all available information was discussed (required before a sanction).", None
    )
    decision: str | None = doc("The decision or determination.", None)
    decision_kind: str | None = doc(
        "What kind of decision `decision:` is, when the program names kinds of decision that carry their own"
        " requirements (see `casestaff programs ID`), e.g. termination-of-parental-rights.",
        None,
    )
    explanation: str | None = doc("Why the team decided so.", None)
    next_steps: list[NextStep] = doc("Next steps with owner and due date.", [])
    next_appointment: Appointment | None = doc("The next appointment.", None)


@dataclass(kw_only=True, slots=True)
class Case(Record):
    case_id: str = doc("Case number; unique within your case folder.", example="XX-0001")
    program: str = doc("Program pack id (see `casestaff programs`).", example="la-step")
    worker: str | None = doc("Assigned worker's initials.", None, "KM")
    provider: str | None = doc("Service provider (for programs with provider staffings).", None)
    participant: Participant = doc("The participant.")
    household: list[HouseholdMember] = doc("Other household members.", [])
    enrolled: dt.date = doc("Enrollment date.", example="2026-01-05")
    goal: str | None = doc("The participant's goal.", None, "Full-time work as a CNA")
    components: list[Component] = doc("Activity components, oldest first.", [])
    participation: list[ParticipationMonth] = doc("Monthly participation hours.", [])
    progress_reviews: list[ProgressReview] = doc("Dated progress reviews.", [])
    strengths: Strengths | None = doc("Strengths.", None)
    challenges: Challenges | None = doc("Challenges.", None)
    risk_factors: list[RiskFactor] = doc("Risk factors and barriers, with dates.", [])
    referrals: list[Referral] = doc("Referrals to other services.", [])
    review_areas: list[ReviewArea] = doc("Re-engagement review areas.", [])
    releases: list[Release] = doc("Signed releases of information.", [])
    sanction: Sanction | None = doc("A proposed sanction or disqualification.", None)
    outstanding_info: list[OutstandingItem] = doc("Information the team is still waiting for.", [])
    eligibility_checks: list[EligibilityCheck] = doc("Eligibility verifications.", [])
    employment: Employment | None = doc("Current job, for retention case management.", None)
    child: Child | None = doc("The child, for child-welfare programs.", None)
    checklist: Checklist | None = doc("Reintegration staffing checklist.", None)
    case_plan_tasks: list[CasePlanTask] = doc("Case plan tasks with due dates.", [])
    planned_staffing: PlannedStaffing | None = doc("The next staffing being prepared.", None)
    staffings: list[Staffing] = doc("Staffings held, oldest first.", [])
    notes: str | None = doc("Free notes.", None)

    # Filled by the loader, not read from the file.
    file: str = field(default="", repr=False, compare=False, metadata={"internal": True})

    def names_of_people(self) -> list[str]:
        """Every person's name the file holds: the participant, the household, the child, and
        whoever was invited or present by name. What must stay out of text that leaves the
        machine (a synced calendar) when names are not asked for."""
        # Loops, not a list of the people and generators over it: asked once a case by the due
        # list (issue 11). The participant, the household, the child, the invited, those present.
        names = [self.participant.name]
        for member in self.household:
            names.append(member.name)
        if self.child:
            names.append(self.child.name)
        if self.planned_staffing:
            for person in self.planned_staffing.invited:
                if person.name:
                    names.append(person.name)
        for staffing in self.staffings:
            for person in staffing.present:
                if person.name:
                    names.append(person.name)
        return names
