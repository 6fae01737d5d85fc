"""``value``: a brand-value estimate from a JSON input, its history, a saved one again.

    brandmark-cli value --file INPUT.json [--trials N] [--seed S] [--json] [-o REPORT.pdf]
                        [--applicant ID [--save] [--by NAME]]
    brandmark-cli value history --applicant ID
    brandmark-cli value show ESTIMATE_ID [-o REPORT.pdf]
    brandmark-cli value publish [--as-of DATE] -o LIST.pdf|LIST.xlsx
    brandmark-cli value publish-settings [--max-age-months N]

One parser with an optional first word (``history``, ``show``; none means run), so the
form the issue writes, ``value --file ...``, works as it is. Bad input exits 2 with
every problem on stderr, one per line, and writes nothing (no estimate, no PDF).
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from brandmark.cli import read_json_file
from brandmark.errors import Problem, RefusedInput
from brandmark.scoring.valuation import ValuationInputError, parse_inputs, run_monte_carlo
from brandmark.scoring.valuation.montecarlo import DEFAULT_SEED, DEFAULT_TRIALS, MAX_TRIALS
from brandmark.valuation_prefill import BrandStrength, needs_brand_strength, prefill_brand_strength

if TYPE_CHECKING:
    from brandmark.cli import Context, Subcommands
    from brandmark.scoring.valuation import MonteCarloResult, ValuationInputs
    from brandmark.store import Store

MAX_SEED = 2**128 - 1       # numpy takes larger, but no one types them
ACTIONS = ("run", "history", "show", "publish", "publish-settings")

EPILOG = """\
forms:
  value --file INPUT.json [...]     run an estimate (the input format: docs/valuation.md)
  value history --applicant ID      the applicant's saved estimates, newest first
  value show ESTIMATE_ID [-o PDF]   one saved estimate (and its report again)
  value publish [--as-of DATE] -o LIST.pdf|LIST.xlsx
                                    the published list: each applicant's latest estimate as of
                                    the date, ranked, estimates older than the age limit left
                                    out and counted
  value publish-settings [--max-age-months N]
                                    the publication's age limit (default 24 months)

With --applicant, a royalty_rate_range and no brand_strength, the brand strength is read
from the applicant's latest assessment (the output says which: brand_strength_source).
--save keeps the estimate with the applicant, dated its valuation_date (or today).
Every figure is an estimate, not a certified value (本报告为估算，非认证价值)."""


def register(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "value", parents=[common], help="brand-value estimate (relief from royalty, excess earnings; Monte Carlo)",
        description="Estimate a brand's value with a seeded Monte Carlo run; list or show saved estimates.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("action", nargs="?", choices=ACTIONS, default="run", metavar="{history,show,publish,publish-settings}",
                   help="omit to run an estimate; 'history' lists saved ones; 'show ID' prints one; "
                        "'publish' writes the published list; 'publish-settings' its age limit")
    p.add_argument("estimate_id", nargs="?", type=int, metavar="ESTIMATE_ID", help="with 'show': the estimate")
    p.add_argument("--file", metavar="INPUT.json", help="the valuation input (JSON object)")
    p.add_argument("--trials", default=str(DEFAULT_TRIALS), metavar="N",
                   help=f"Monte Carlo trials, 1-{MAX_TRIALS:,} (default {DEFAULT_TRIALS:,})")
    p.add_argument("--seed", default=str(DEFAULT_SEED), metavar="S",
                   help=f"random seed, a whole number >= 0 (default {DEFAULT_SEED}); same seed, same result")
    p.add_argument("-o", "--output", metavar="REPORT.pdf", help="also write the PDF report")
    p.add_argument("--applicant", type=int, metavar="ID",
                   help="the applicant whose brand is valued (brand strength from its latest assessment)")
    p.add_argument("--save", action="store_true", help="keep the estimate with the applicant (needs --applicant)")
    p.add_argument("--by", metavar="NAME", help="who made the estimate (default: the system user name)")
    p.add_argument("--as-of", metavar="DATE", help="with 'publish': the list as of this day, YYYY-MM-DD (default today)")
    p.add_argument("--max-age-months", metavar="N",
                   help="with 'publish-settings': estimates older than N months before the as-of date are "
                        "left out of the publication")
    p.set_defaults(handler=value)


def value(ctx: Context) -> None:
    action = ctx.args.action
    if action == "history":
        return history(ctx)
    if action == "show":
        return show(ctx)
    if action == "publish":
        return publish(ctx)
    if action == "publish-settings":
        return publish_settings(ctx)
    if ctx.args.estimate_id is not None:
        raise RefusedInput.of("value.unexpected_argument", value=ctx.args.estimate_id)
    return run(ctx)


def _whole_number(text: str, name: str, low: int, high: int, problems: list[Problem]) -> int | None:
    try:
        number = int(str(text).replace("_", "").replace(",", ""))
    except ValueError:
        problems.append(Problem("value.not_whole", (f"--{name}",), {"got": repr(text)}))
        return None
    if not low <= number <= high:
        problems.append(Problem("value.out_of_range", (f"--{name}",),
                                {"low": f"{low:,}", "high": f"{high:,}", "got": f"{number:,}"}))
        return None
    return number


def _check_output(path: str | None, problems: list[Problem]) -> None:
    """Refuse an unwritable report path before a long run, not after it."""
    if not path:
        return
    target = Path(path).expanduser()
    if target.is_dir():
        problems.append(Problem("value.output_is_folder", ("-o",), {"path": str(target)}))
    elif not (target.parent if str(target.parent) else Path(".")).is_dir():
        problems.append(Problem("value.no_folder", ("-o",), {"folder": str(target.parent)}))


def run(ctx: Context) -> None:
    args = ctx.args
    problems: list[Problem] = []
    trials = _whole_number(args.trials, "trials", 1, MAX_TRIALS, problems)
    seed = _whole_number(args.seed, "seed", 0, MAX_SEED, problems)
    _check_output(args.output, problems)
    if args.save and args.applicant is None:
        problems.append(Problem("value.save_needs_applicant", ("--save",)))
    if args.by is not None and not args.save:
        problems.append(Problem("value.by_needs_save", ("--by",)))
    data = None
    if not args.file:
        problems.append(Problem("value.file_required", ("--file",)))
    else:
        try:
            data = read_json_file(args.file, "valuation input")
        except RefusedInput as exc:
            problems.append(Problem("value.file_refused", ("--file",), {
                "why": {"zh_CN": exc.message("zh_CN"), "en": exc.message("en")}}))
    if data is None:
        raise ValuationInputError(problems)

    strength: BrandStrength | None = None
    if args.applicant is not None:
        try:
            ctx.store.applicants.get(args.applicant)
            if isinstance(data, dict):
                data, strength = prefill_brand_strength(ctx.store, args.applicant, data)
        except RefusedInput as exc:
            problems.extend(exc.problems)
    try:
        inputs = parse_inputs(data)
    except ValuationInputError as exc:
        problems.extend(exc.problems)
        inputs = None
        if args.applicant is None and needs_brand_strength(data):
            problems.append(Problem("value.strength_from_applicant", ("brand_strength",)))
    if problems or inputs is None or trials is None or seed is None:     # a bad number is one of the problems
        raise ValuationInputError(problems)

    result = run_monte_carlo(inputs, trials=trials, seed=seed)
    out = result.to_json()
    out["warnings"] = list(inputs.warnings)
    out["valuation_date"] = inputs.valuation_date
    if inputs.royalty_rate_range is not None and inputs.method == "relief-from-royalty" \
            and inputs.brand_strength is not None:
        out["brand_strength"] = inputs.brand_strength.to_json()
        out["brand_strength_source"] = strength.source if strength else "input"
        if strength:
            out["brand_strength_detail"] = strength.to_json()
    if args.applicant is not None:
        out["applicant_id"] = args.applicant

    if args.save:
        store = ctx.store
        by = args.by if args.by is not None else _system_user()
        # The estimate and its report are one action: a report that cannot be written
        # rolls the saved estimate back, so nothing half-done stays behind.
        with store.atomic():
            out["estimate_id"] = store.valuations.save(args.applicant, inputs, result, by=by, strength=strength)
            out["id"] = out["estimate_id"]   # every command that creates something prints its "id"
            if args.output:
                _write_report(store, args.output, out["estimate_id"], inputs, result, None, None)
    elif args.output:
        _write_report(ctx.store if args.applicant is not None else None, args.output, None, inputs, result,
                      args.applicant, strength)
    if args.output:
        out["report"] = str(Path(args.output).expanduser())
    ctx.emit(out, lambda: _text(out, inputs))


def _write_report(store: Store | None, path: str, estimate_id: int | None, inputs: ValuationInputs,
                  result: MonteCarloResult, applicant_id: int | None, strength: BrandStrength | None) -> None:
    from brandmark.reports.valuation_report import ValuationReport, write_valuation_report
    if estimate_id is not None:
        # An estimate id comes only from ``--save``, which passes the open store.
        report = ValuationReport.from_estimate(cast("Store", store), estimate_id)
    else:
        report = ValuationReport.from_run(store, inputs, result, applicant_id=applicant_id, strength=strength)
    write_valuation_report(path, report)


def _system_user() -> str:
    try:
        return getpass.getuser() or "brandmark-cli"
    except (OSError, KeyError):
        return "brandmark-cli"


def _amount(x: float | None) -> str:
    return "—" if x is None else f"{x:,.2f}"


def _text(out: dict[str, Any], inputs: ValuationInputs) -> str:
    unit = f"{out['unit']} {out['currency']}"
    lines = [
        "品牌价值估算（估算，非认证价值）/ brand value estimate (an estimate, not a certified value)",
        f"method            {out['method']}",
        f"value             {_amount(out['value'])} {unit}   (every input at its base value)",
        f"P10 / P50 / P90   {_amount(out['p10'])} / {_amount(out['p50'])} / {_amount(out['p90'])}",
        f"mean              {_amount(out['mean'])}",
        f"trials            {out['trials']:,}  rejected {out['rejected']:,}  seed {out['seed']}",
    ]
    if "brand_strength" in out:
        detail = out.get("brand_strength_detail")
        where = (f"from {out['brand_strength_source']} ({detail['scheme_id']} {detail['scheme_version']}, "
                 f"{detail['basis']})" if detail else "from the input")
        lines.append(f"brand strength    {out['brand_strength']} {where}")
    if out["tornado"]:
        lines.append("sensitivity (value with the input at its P10 → at its P90):")
        for bar in out["tornado"]:
            lines.append(f"  {bar['input']:<28} {_amount(bar['low_value'])} → {_amount(bar['high_value'])}")
    for warning in out["warnings"]:
        lines.append(f"note: {warning}")
    if "estimate_id" in out:
        lines.append(f"saved as estimate #{out['estimate_id']} of applicant #{out['applicant_id']}")
    if "report" in out:
        lines.append(f"report written to {out['report']}")
    return "\n".join(lines)


def history(ctx: Context) -> None:
    if ctx.args.applicant is None:
        raise RefusedInput.of("value.history_needs_applicant")
    rows = ctx.store.valuations.history(ctx.args.applicant)
    ctx.emit(rows, lambda: "\n".join(
        f"#{r['id']:<5} {r['valuation_date']}  {r['method']:<20} value {_amount(r['value'])}  "
        f"P10-P90 {_amount(r['p10'])}-{_amount(r['p90'])} {r['unit']}  by {r['created_by']}"
        for r in rows) or "(no saved estimates)")


def show(ctx: Context) -> None:
    if ctx.args.estimate_id is None:
        raise RefusedInput.of("value.show_needs_id")
    problems: list[Problem] = []
    _check_output(ctx.args.output, problems)
    if problems:
        raise RefusedInput(problems=problems)
    row = ctx.store.valuations.get(ctx.args.estimate_id)
    if ctx.args.output:
        from brandmark.reports.valuation_report import ValuationReport, write_valuation_report
        write_valuation_report(ctx.args.output, ValuationReport.from_estimate(ctx.store, row["id"]))
        row["report"] = str(Path(ctx.args.output).expanduser())
    ctx.emit(row, lambda: "\n".join([
        f"estimate #{row['id']} of applicant #{row['applicant_id']} {row['applicant_name']}",
        f"valuation date {row['valuation_date']}, {row['method']}, by {row['created_by']} at {row['created_at']}",
        f"value {_amount(row['value'])} {row['unit']}; P10 / P50 / P90 {_amount(row['p10'])} / "
        f"{_amount(row['p50'])} / {_amount(row['p90'])}; mean {_amount(row['mean'])}",
        f"trials {row['trials']:,}, rejected {row['rejected']:,}, seed {row['seed']}",
    ] + ([f"brand strength from assessment #{row['assessment_id']}"] if row["assessment_id"] else [])
      + ([f"report written to {row['report']}"] if "report" in row else [])))


def publish(ctx: Context) -> None:
    from brandmark.reports.value_publication import write_value_publication

    if not ctx.args.output:
        raise RefusedInput.of("publication.output_required", ("-o",))
    problems: list[Problem] = []
    _check_output(ctx.args.output, problems)
    if problems:
        raise RefusedInput(problems=problems)
    out = write_value_publication(ctx.store, Path(ctx.args.output).expanduser(), as_of=ctx.args.as_of)
    ctx.emit(out, lambda: "\n".join(
        [f"品牌价值发布名单 published brand values as of {out['as_of']} → {out['file']}",
         f"listed {len(out['rows'])}; left out as older than {out['max_age_months']} months "
         f"(valued before {out['oldest_date']}): {out['left_out_old']}"]
        + ([f"left out as demo data: {out['left_out_demo']}"] if out["left_out_demo"] else [])
        + [f"{'—' if r['rank'] is None else r['rank']:>3}  {r['applicant_name']}  P50 {_amount(r['p50'])} "
           f"(P10-P90 {_amount(r['p10'])}-{_amount(r['p90'])}) {r['unit']}  {r['method']}  {r['valuation_date']}"
           for r in out["rows"]]))


def publish_settings(ctx: Context) -> None:
    valuations = ctx.store.valuations
    if ctx.args.max_age_months is not None:
        valuations.set_publish_max_age_months(ctx.args.max_age_months, actor=_system_user())
    months = valuations.publish_max_age_months()
    ctx.emit({"max_age_months": months},
             f"published estimates may be at most {months} months old (older ones are left out and counted)")
