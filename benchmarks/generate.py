"""Write N valid case files for benchmarks, in one of two shapes.

    python benchmarks/generate.py OUT_DIR N [--seed 7] [--shape generator|samples]

generator: synthetic files (about 3 KB each, all five programs); the people are invented, dates
spread over 2025-2026 so that `casestaff due --as-of 2026-12-01` raises a realistic mix of flags.
samples: copies of sample_cases/ in turn, each with its own case id and participant name --
smaller files (about 2.25 KB) with far more findings, more like a real office's (issue 11).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from pathlib import Path

from dateutil.relativedelta import relativedelta

FIRST = ["Avery", "Jordan", "Riley", "Casey", "Morgan", "Quinn", "Rowan", "Sage", "José", "Zoë", "Mai", "Noor"]
LAST = ["Example", "Sample", "Placeholder", "Testcase", "Fictional", "Núñez", "Ångström", "Demo"]
PROVIDERS = ["Prairie Workforce Partners", "Lakeside Career Center", "Riverbend Training Co-op"]


def _d(day: dt.date) -> str:
    return day.isoformat()


AS_OF = dt.date(2026, 12, 1)
SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
SHAPES = ("generator", "samples")


def case_text(index: int, rng: random.Random) -> str:
    """One case; about three in four are 'healthy' (nothing due), as in a real caseload."""
    healthy = rng.random() < 0.75
    program = ("la-step", "il-snap-et", "or-ssp-reengagement", "fc-reintegration", "or-ssp-case-management")[index % 5]
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    enrolled = dt.date(2025, 6, 1) + dt.timedelta(days=rng.randrange(0, 480))
    start = enrolled + dt.timedelta(days=rng.randrange(5, 40))
    staffed = None
    if program == "il-snap-et" and healthy:
        # Staffed after the last 6/9/12-month benchmark, the next one beyond the window.
        staffed = AS_OF - dt.timedelta(days=rng.randrange(3, 16))
        start = staffed - relativedelta(months=6) - dt.timedelta(days=rng.randrange(1, 60))
        enrolled = min(enrolled, start - dt.timedelta(days=7))
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=rng.randrange(0, 12000))
    lines = [
        f"# Synthetic benchmark case {index}; invented person.",
        f"case_id: BENCH-{index:06d}",
        f"program: {program}",
        f"worker: W{index % 17:02d}",
    ]
    if program == "il-snap-et":
        lines.append(f"provider: {rng.choice(PROVIDERS)}")
    lines += [
        "participant:",
        f"  name: {name}",
        f"  birth_date: {_d(birth)}",
        "  relationship_status: single",
        "  employment_education: High school diploma; last worked in retail",
        f"  address: {100 + index % 900} Example Street, Springfield",
        "household:",
        f"  - name: {rng.choice(FIRST)} {name.split()[-1]}",
        "    relationship: daughter",
        f"    birth_date: {_d(min(birth + dt.timedelta(days=7000), dt.date(2024, 12, 31)))}",
        f"enrolled: {_d(enrolled)}",
        "goal: Full-time work with benefits within a year",
        "components:",
        "  - name: Job search",
        f"    start: {_d(start)}",
        "    note: Weekly job club and employer visits.",
        "participation:",
    ]
    month = start.replace(day=1)
    for _ in range(9):
        required = 80
        actual = 80 if healthy or rng.random() < 0.5 else rng.choice([0, 20, 40, 64])
        lines.append(f"  - {{month: {month:%Y-%m}, required_hours: {required}, actual_hours: {actual}, good_cause: {str(rng.random() < 0.1).lower()}}}")
        month = (month + dt.timedelta(days=32)).replace(day=1)
    lines.append("progress_reviews:")
    review = start + dt.timedelta(days=30)
    if healthy:  # reviewed regularly: the last review is recent
        review = max(start + dt.timedelta(days=5), AS_OF - dt.timedelta(days=rng.randrange(100, 150)))
    for _ in range(4):
        lines += [
            f"  - date: {_d(review)}",
            f"    progress: {rng.choice(['some', 'good']) if healthy else rng.choice(['none', 'some'])}",
            "    note: Attending most sessions; transportation is unreliable some weeks.",
        ]
        review += dt.timedelta(days=35)
    lines += [
        "strengths:",
        "  individual: [High school diploma, Prior retail experience]",
        "  family: [Grandmother helps with childcare]",
        "challenges:",
        "  participant: [No reliable transportation]",
        "  family: [Child has asthma; frequent school absences]",
        "risk_factors:",
        f"  - factor: {rng.choice(['transportation', 'childcare']) if healthy else rng.choice(['homelessness', 'domestic_violence', 'substance_use', 'mental_health'])}",
        f"    noted: {_d(enrolled + dt.timedelta(days=rng.randrange(0, 200)))}",
        "    note: Noted at the initial assessment.",
        "referrals:",
        "  - service: transportation",
        f"    date: {_d(enrolled + dt.timedelta(days=20))}",
        "    to: County transit voucher program",
        "releases:",
        "  - party: Springfield Community Action",
        "    form: MSC 3010",
        f"    signed: {_d(enrolled + dt.timedelta(days=3))}",
        "    covers: [address, physical_health]",
    ]
    if program == "la-step" and not healthy and rng.random() < 0.3:
        proposed = dt.date(2026, 11, 1) + dt.timedelta(days=rng.randrange(0, 25))
        lines += [
            "sanction:",
            "  reason: No participation without good cause",
            f"  proposed_on: {_d(proposed)}",
            f"  effective_on: {_d(proposed + dt.timedelta(days=30))}",
        ]
    if program == "or-ssp-reengagement" and not healthy:
        requested = dt.date(2026, 10, 1) + dt.timedelta(days=rng.randrange(0, 50))
        lines += [
            "outstanding_info:",
            "  - item: Child safety check",
            f"    requested: {_d(requested)}",
        ]
        if healthy or rng.random() < 0.5:
            lines.append(f"    received: {_d(min(requested + dt.timedelta(days=7), AS_OF))}")
    if program == "fc-reintegration":
        lines += [
            "case_plan_tasks:",
            "  - task: Complete parenting class",
            "    owner: mother",
            f"    due: {_d(start + dt.timedelta(days=90))}",
            f"    status: {'achieved' if healthy else rng.choice(['open', 'not_achieved'])}",
        ]
    if program == "or-ssp-case-management" and rng.random() < 0.5:
        lines += [
            "employment:",
            "  employer: Example Grocers",
            f"  start: {_d(start + dt.timedelta(days=60))}",
            "  hours_per_week: 32",
            "  hourly_wage: 16.5",
        ]
    kinds = {
        "la-step": "case-staffing",
        "il-snap-et": "customer-staffing",
        "or-ssp-reengagement": "re-engagement",
        "fc-reintegration": "reintegration-staffing",
        "or-ssp-case-management": "case-plan-review",
    }
    roles = {
        "la-step": ["Coach", "Supervisor", "Consultant"],
        "il-snap-et": ["IDHS", "Provider", "Customer"],
        "or-ssp-reengagement": ["FC", "Manager", "Engagement Specialist"],
        "fc-reintegration": ["CM", "Supervisor", "QE"],
        "or-ssp-case-management": ["CM", "Branch", "Client"],
    }
    if staffed is None:
        staffed = max(start + dt.timedelta(days=10), AS_OF - dt.timedelta(days=rng.randrange(12, 40) if healthy else rng.randrange(5, 200)))
    follow_up = {
        "or-ssp-reengagement": "follow-up-review",
        "fc-reintegration": "case-planning-meeting",
        "or-ssp-case-management": "retention-check-in",
    }
    lines.append("staffings:")
    for kind, date in ((kinds[program], staffed), (follow_up.get(program), staffed + dt.timedelta(days=12))):
        if kind is None or date > AS_OF or (kind != kinds[program] and not healthy):
            continue
        lines += [f"  - date: {_d(date)}", f"    kind: {kind}", "    present:"]
        lines += [f"      - {{role: {role}, initials: {role[:1]}{chr(65 + i)}}}" for i, role in enumerate(roles[program])]
        lines += [
            "    discussion: Reviewed progress, barriers and resources; agreed on next steps.",
            "    decision: Continue the current component with added transportation support.",
            "    next_steps:",
            "      - step: Apply for transportation assistance",
            "        owner: participant",
            f"        due: {_d(date + dt.timedelta(days=30 if healthy else 14))}",
        ]
        if (healthy or rng.random() < 0.5) and date + dt.timedelta(days=10) <= AS_OF:
            lines.append(f"        done: {_d(date + dt.timedelta(days=10))}")
    return "\n".join(lines) + "\n"


def generate(out: Path, count: int, seed: int = 7) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for index in range(count):
        (out / f"case-{index:06d}.yaml").write_text(case_text(index, rng), encoding="utf-8")


def sample_shaped(out: Path, count: int) -> None:
    """`count` copies of the sample case files, in turn; copy K of a file has the case id
    ID-K and the participant's name with K after it (unique ids, unique names)."""
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(SAMPLES.glob("*.yaml"))
    texts = [source.read_text(encoding="utf-8") for source in sources]
    for index in range(count):
        copy, which = divmod(index, len(sources))
        text = re.sub(r"(?m)^case_id: (\S+)", rf"case_id: \g<1>-{copy:05d}", texts[which], count=1)
        text = re.sub(r"(?m)^(participant:\n  name: )(.+)$", rf"\g<1>\g<2> {copy:05d}", text, count=1)
        (out / f"{sources[which].stem}-{copy:05d}.yaml").write_text(text, encoding="utf-8")


def generate_shape(out: Path, count: int, shape: str, seed: int = 7) -> None:
    if shape == "samples":
        sample_shaped(out, count)
    else:
        generate(out, count, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shape", choices=SHAPES, default="generator")
    args = parser.parse_args()
    generate_shape(args.out, args.count, args.shape, args.seed)


if __name__ == "__main__":
    main()
