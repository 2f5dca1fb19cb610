//! `headroom-cli`: the catalog, the advisor and the drivability engine from a shell.
//!
//! ```text
//! headroom-cli models [--back open|closed|semi-open] [--tier budget|midrange|high-end]
//!                     [--search TEXT] [--json]
//! headroom-cli recommend [--room quiet|moderate|noisy] [--task T]... [--source PRESET|custom
//!                     [--vrms V --output-ohms Z]] [--budget TIER] [--hours H] [--others-nearby]
//!                     [--no-monitors] [--glasses] [--runs-hot] [--target-db N]
//!                     [--show-over-budget] [--limit N] [--json]
//! headroom-cli drive (--model ID | --impedance Z --sensitivity S --unit dB/mW|dB/V)
//!                     (--vrms V [--output-ohms Z] | --source PRESET) [--target-db N] [--json]
//! headroom-cli sources [--json]
//! headroom-cli fr MODEL-ID [--smooth none|1/12|1/6|1/3] [--normalize 1k|500|loudness] [--json]
//! ```
//!
//! Errors print one line naming the bad flag or value and exit with status 2 (1 when the
//! embedded catalog itself is broken).

use std::collections::HashMap;
use std::process::ExitCode;

use headroom_catalog::advisor::{self, Profile, Room, SourceChoice, Task};
use headroom_catalog::drive::{self, SourceSpec};
use headroom_catalog::query::{self, Query};
use headroom_catalog::sound::{self, Normalize, Smoothing};
use headroom_catalog::{Back, Catalog, Error, Model, Sensitivity, SensitivityUnit, Tier};
use serde_json::{json, Value};

const USAGE: &str = "usage: headroom-cli <models|recommend|drive|sources> [flags] [--json]
  models     [--back open|closed|semi-open] [--tier budget|midrange|high-end] [--search TEXT]
  recommend  [--room quiet|moderate|noisy] [--task T]... [--source phone|laptop|mac|interface|amp|custom]
             [--vrms V --output-ohms Z] [--budget budget|midrange|high-end] [--hours H]
             [--others-nearby] [--no-monitors] [--glasses] [--runs-hot] [--target-db N]
             [--show-over-budget] [--limit N]
             tasks: tracking mixing mastering editing critical-listening djing commuting casual
  drive      (--model ID | --impedance Z --sensitivity S --unit dB/mW|dB/V)
             (--vrms V [--output-ohms Z] | --source PRESET) [--target-db N]
  sources    the source presets and where their figures come from
  fr         MODEL-ID [--smooth none|1/12|1/6|1/3] [--normalize 1k|500|loudness]
             the measured frequency response against the Harman over-ear 2018 target";

/// A failure to report: one line, and the exit status.
struct Failure {
    message: String,
    status: u8,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            status: 2,
        }
    }
}

type CliResult<T> = Result<T, Failure>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprintln!("headroom-cli: {}", f.message);
            ExitCode::from(f.status)
        }
    }
}

fn run(args: &[String]) -> CliResult<String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::usage(
            "missing command: models, recommend, drive, sources or fr (--help for usage)",
        ));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => Ok(USAGE.to_owned()),
        "models" => models(&Flags::parse(command, rest, MODELS_FLAGS)?),
        "recommend" => recommend(&Flags::parse(command, rest, RECOMMEND_FLAGS)?),
        "drive" => drive_cmd(&Flags::parse(command, rest, DRIVE_FLAGS)?),
        "sources" => sources(&Flags::parse(command, rest, SOURCES_FLAGS)?),
        "fr" => match rest.split_first() {
            Some((id, flags)) if !id.starts_with("--") => {
                fr(id, &Flags::parse(command, flags, FR_FLAGS)?)
            }
            _ => Err(Failure::usage(
                "fr: needs a model id first (fr MODEL-ID [flags])",
            )),
        },
        other => Err(Failure::usage(format!(
            "unknown command `{other}`: use models, recommend, drive, sources or fr"
        ))),
    }
}

/// A flag a command takes: its name and whether it takes a value.
type FlagSpec = (&'static str, bool);

const MODELS_FLAGS: &[FlagSpec] = &[
    ("back", true),
    ("tier", true),
    ("search", true),
    ("json", false),
];
const RECOMMEND_FLAGS: &[FlagSpec] = &[
    ("room", true),
    ("task", true),
    ("source", true),
    ("vrms", true),
    ("output-ohms", true),
    ("budget", true),
    ("hours", true),
    ("others-nearby", false),
    ("no-monitors", false),
    ("glasses", false),
    ("runs-hot", false),
    ("target-db", true),
    ("show-over-budget", false),
    ("limit", true),
    ("json", false),
];
const DRIVE_FLAGS: &[FlagSpec] = &[
    ("model", true),
    ("impedance", true),
    ("sensitivity", true),
    ("unit", true),
    ("vrms", true),
    ("output-ohms", true),
    ("source", true),
    ("target-db", true),
    ("json", false),
];
const SOURCES_FLAGS: &[FlagSpec] = &[("json", false)];
const FR_FLAGS: &[FlagSpec] = &[("smooth", true), ("normalize", true), ("json", false)];

/// Parsed flags: every value given for each flag, in order (switches hold an empty value).
struct Flags {
    values: HashMap<&'static str, Vec<String>>,
}

impl Flags {
    fn parse(command: &str, args: &[String], spec: &[FlagSpec]) -> CliResult<Flags> {
        let mut values: HashMap<&'static str, Vec<String>> = HashMap::new();
        let mut i = 0;
        while i < args.len() {
            let arg = &args[i];
            let Some(body) = arg.strip_prefix("--") else {
                return Err(Failure::usage(format!(
                    "unexpected argument `{arg}` for {command} (flags start with --)"
                )));
            };
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (body, None),
            };
            let Some(&(name, takes_value)) = spec.iter().find(|(n, _)| *n == name) else {
                return Err(Failure::usage(format!(
                    "unknown flag `--{name}` for {command}"
                )));
            };
            let value = if takes_value {
                match inline {
                    Some(v) => v,
                    None => {
                        i += 1;
                        args.get(i)
                            .filter(|v| !v.starts_with("--"))
                            .cloned()
                            .ok_or_else(|| Failure::usage(format!("--{name}: needs a value")))?
                    }
                }
            } else if inline.is_some() {
                return Err(Failure::usage(format!("--{name}: takes no value")));
            } else {
                String::new()
            };
            values.entry(name).or_default().push(value);
            i += 1;
        }
        Ok(Flags { values })
    }

    fn has(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    /// The value of a flag given at most once.
    fn one(&self, name: &str) -> CliResult<Option<&str>> {
        match self.values.get(name).map(Vec::as_slice) {
            None => Ok(None),
            Some([v]) => Ok(Some(v.as_str())),
            Some(_) => Err(Failure::usage(format!("--{name}: given more than once"))),
        }
    }

    fn all(&self, name: &str) -> &[String] {
        self.values.get(name).map_or(&[], Vec::as_slice)
    }

    fn number(&self, name: &str) -> CliResult<Option<f64>> {
        self.one(name)?.map(|v| parse_number(name, v)).transpose()
    }

    fn json(&self) -> bool {
        self.has("json")
    }
}

fn parse_number(flag: &str, value: &str) -> CliResult<f64> {
    match value.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(Failure::usage(format!(
            "--{flag}: `{value}` is not a number"
        ))),
    }
}

/// Parses one of `choices` (wire names), naming the flag and the choices on failure.
fn parse_choice<T: Copy>(flag: &str, value: &str, choices: &[(&str, T)]) -> CliResult<T> {
    choices
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(value))
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
            Failure::usage(format!(
                "--{flag}: `{value}` is not one of {}",
                names.join(", ")
            ))
        })
}

const BACKS: &[(&str, Back)] = &[
    ("open", Back::Open),
    ("semi-open", Back::SemiOpen),
    ("closed", Back::Closed),
];
const TIERS: &[(&str, Tier)] = &[
    ("budget", Tier::Budget),
    ("midrange", Tier::Midrange),
    ("high-end", Tier::HighEnd),
];
const ROOMS: &[(&str, Room)] = &[
    ("quiet", Room::Quiet),
    ("moderate", Room::Moderate),
    ("noisy", Room::Noisy),
];
const TASKS: &[(&str, Task)] = &[
    ("tracking", Task::Tracking),
    ("mixing", Task::Mixing),
    ("mastering", Task::Mastering),
    ("editing", Task::Editing),
    ("critical-listening", Task::CriticalListening),
    ("djing", Task::Djing),
    ("commuting", Task::Commuting),
    ("casual", Task::Casual),
];
const UNITS: &[(&str, SensitivityUnit)] = &[
    ("dB/mW", SensitivityUnit::DbPerMw),
    ("dB/V", SensitivityUnit::DbPerV),
];
const SOURCE_CHOICES: &[&str] = &["phone", "laptop", "mac", "interface", "amp", "custom"];

fn catalog() -> CliResult<Catalog> {
    Catalog::embedded().map_err(|e| Failure {
        message: format!("the embedded catalog is broken: {e}"),
        status: 1,
    })
}

fn to_json(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON values always serialize")
}

fn sensitivity_text(m: &Model) -> String {
    m.sensitivity.map_or("-".to_owned(), |s| {
        format!("{} {}", s.value, s.unit.as_str())
    })
}

fn impedance_text(m: &Model) -> String {
    m.impedance_ohm
        .map_or("-".to_owned(), |z| format!("{z} ohm"))
}

// ---------------------------------------------------------------------------------------------
// models

fn models(flags: &Flags) -> CliResult<String> {
    let catalog = catalog()?;
    let mut q = Query::default();
    for v in flags.all("back") {
        q.back.push(parse_choice("back", v, BACKS)?);
    }
    for v in flags.all("tier") {
        q.tier.push(parse_choice("tier", v, TIERS)?);
    }
    if let Some(text) = flags.one("search")? {
        q.text = text.to_owned();
    }
    let result = query::run(&catalog, &q).map_err(|e| flag_error(&e, &[("text", "search")]))?;
    let found: Vec<&Model> = result.ids.iter().filter_map(|id| catalog.get(id)).collect();
    if flags.json() {
        return Ok(to_json(&json!({ "models": found })));
    }
    let mut out = String::new();
    for m in &found {
        out.push_str(&format!(
            "{:<40} {:<10} {:<9} {:>9}  {}\n",
            m.id,
            m.back.as_str(),
            m.tier.map_or("-", Tier::as_str),
            impedance_text(m),
            sensitivity_text(m)
        ));
    }
    out.push_str(&format!("{} models", found.len()));
    Ok(out)
}

/// Rewrites a domain error that names a field (`hours: ...`) to name the flag (`--hours: ...`).
fn flag_error(e: &Error, fields: &[(&str, &str)]) -> Failure {
    let message = e.message();
    for (field, flag) in fields {
        if let Some(rest) = message.strip_prefix(field) {
            if rest.starts_with(':') {
                return Failure::usage(format!("--{flag}{rest}"));
            }
        }
    }
    Failure::usage(message.to_owned())
}

// ---------------------------------------------------------------------------------------------
// recommend

fn profile_from(flags: &Flags) -> CliResult<Profile> {
    let mut p = Profile::default();
    if let Some(v) = flags.one("room")? {
        p.room = parse_choice("room", v, ROOMS)?;
    }
    if flags.has("task") {
        p.tasks.clear();
        for v in flags.all("task") {
            let task = parse_choice("task", v, TASKS)?;
            if !p.tasks.contains(&task) {
                p.tasks.push(task);
            }
        }
    }
    if let Some(v) = flags.one("source")? {
        let Some(id) = SOURCE_CHOICES.iter().find(|c| c.eq_ignore_ascii_case(v)) else {
            return Err(Failure::usage(format!(
                "--source: `{v}` is not one of {}",
                SOURCE_CHOICES.join(", ")
            )));
        };
        p.source = SourceChoice {
            preset: (*id).to_owned(),
            ..SourceChoice::default()
        };
    }
    let vrms = flags.number("vrms")?;
    let output_ohm = flags.number("output-ohms")?;
    if p.source.preset == "custom" {
        p.source.vrms =
            Some(vrms.ok_or_else(|| Failure::usage("--vrms: needed with --source custom"))?);
        p.source.output_ohm = Some(
            output_ohm
                .ok_or_else(|| Failure::usage("--output-ohms: needed with --source custom"))?,
        );
    } else if vrms.is_some() {
        return Err(Failure::usage("--vrms: only with --source custom"));
    } else if output_ohm.is_some() {
        return Err(Failure::usage("--output-ohms: only with --source custom"));
    }
    if let Some(v) = flags.one("budget")? {
        p.budget = parse_choice("budget", v, TIERS)?;
    }
    if let Some(h) = flags.number("hours")? {
        p.hours = h;
    }
    if let Some(t) = flags.number("target-db")? {
        p.target_db = t;
    }
    p.others_nearby = flags.has("others-nearby");
    p.has_monitors = !flags.has("no-monitors");
    p.glasses = flags.has("glasses");
    p.runs_hot = flags.has("runs-hot");
    p.show_over_budget = flags.has("show-over-budget");
    p.validate().map_err(|e| {
        flag_error(
            &e,
            &[
                ("hours", "hours"),
                ("target_db", "target-db"),
                ("source.vrms", "vrms"),
                ("source.output_ohm", "output-ohms"),
                ("source.preset", "source"),
            ],
        )
    })?;
    Ok(p)
}

fn recommend(flags: &Flags) -> CliResult<String> {
    let profile = profile_from(flags)?;
    let limit = match flags.one("limit")? {
        None => None,
        Some(v) => Some(
            v.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    Failure::usage(format!("--limit: `{v}` is not a positive whole number"))
                })?,
        ),
    };
    let catalog = catalog()?;
    let mut ranked = advisor::recommend(&catalog, &profile, &[])
        .map_err(|e| Failure::usage(e.message().to_owned()))?;
    if let Some(n) = limit {
        ranked.truncate(n);
    }
    if flags.json() {
        let results: Vec<Value> = ranked
            .iter()
            .map(|r| {
                let m = catalog.get(&r.id);
                json!({
                    "id": r.id,
                    "name": m.map(Model::display_name),
                    "back": m.map(|m| m.back),
                    "tier": m.and_then(|m| m.tier),
                    "impedance_ohm": m.and_then(|m| m.impedance_ohm),
                    "score": r.score,
                    "fit": r.fit,
                    "over_budget": r.over_budget,
                    "reasons": r.reasons,
                    "drive": r.drive,
                })
            })
            .collect();
        return Ok(to_json(&json!({ "results": results })));
    }
    let mut out = String::new();
    for (i, r) in ranked.iter().enumerate() {
        let name = catalog.get(&r.id).map_or(r.id.clone(), Model::display_name);
        let headroom = r.drive.map_or("headroom unknown".to_owned(), |d| {
            format!("headroom {:+.1} dB", d.headroom_db)
        });
        out.push_str(&format!(
            "{:>3}. {name} [{}] score {:+.2} ({:?}){}; {headroom}\n",
            i + 1,
            r.id,
            r.score,
            r.fit,
            if r.over_budget { ", over budget" } else { "" },
        ));
        for reason in &r.reasons {
            out.push_str(&format!("       {:+.2}  {}\n", reason.weight, reason.text));
        }
    }
    out.push_str(&format!("{} models", ranked.len()));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// drive

fn drive_cmd(flags: &Flags) -> CliResult<String> {
    let (impedance, sensitivity) = if let Some(id) = flags.one("model")? {
        for other in ["impedance", "sensitivity", "unit"] {
            if flags.has(other) {
                return Err(Failure::usage(format!(
                    "--{other}: give either --model or --impedance, --sensitivity and --unit"
                )));
            }
        }
        let catalog = catalog()?;
        let model = catalog
            .require(id)
            .map_err(|_| Failure::usage(format!("--model: no model with id `{id}`")))?;
        let z = model
            .impedance_ohm
            .ok_or_else(|| Failure::usage(format!("--model: `{id}` has no published impedance")))?;
        let s = model.sensitivity.ok_or_else(|| {
            Failure::usage(format!("--model: `{id}` has no published sensitivity"))
        })?;
        (z, s)
    } else {
        let z = flags
            .number("impedance")?
            .ok_or_else(|| Failure::usage("--impedance: needed (or --model ID)"))?;
        let value = flags
            .number("sensitivity")?
            .ok_or_else(|| Failure::usage("--sensitivity: needed (or --model ID)"))?;
        let unit = flags
            .one("unit")?
            .ok_or_else(|| Failure::usage("--unit: needed with --sensitivity (dB/mW or dB/V)"))?;
        let unit = parse_choice("unit", unit, UNITS)?;
        (
            z,
            Sensitivity {
                value,
                unit,
                ref_hz: None,
            },
        )
    };
    let source = match (flags.one("source")?, flags.number("vrms")?) {
        (Some(_), Some(_)) => {
            return Err(Failure::usage("--vrms: give either --vrms or --source"));
        }
        (Some(id), None) => {
            if flags.has("output-ohms") {
                return Err(Failure::usage("--output-ohms: only with --vrms"));
            }
            drive::preset(id)
                .map_err(|_| {
                    Failure::usage(format!(
                        "--source: `{id}` is not one of {}",
                        drive::PRESET_IDS.join(", ")
                    ))
                })?
                .spec
        }
        (None, Some(vrms)) => SourceSpec::new(vrms, flags.number("output-ohms")?.unwrap_or(0.0)),
        (None, None) => return Err(Failure::usage("--vrms: needed (or --source PRESET)")),
    };
    let target = flags
        .number("target-db")?
        .unwrap_or(drive::DEFAULT_TARGET_DB);
    let d = drive::drive(impedance, sensitivity, &source, target).map_err(|e| {
        flag_error(
            &e,
            &[
                ("impedance_ohm", "impedance"),
                ("sensitivity", "sensitivity"),
                ("vrms", "vrms"),
                ("output_ohm", "output-ohms"),
                ("target_db", "target-db"),
            ],
        )
    })?;
    if flags.json() {
        return Ok(to_json(&json!(d)));
    }
    Ok(format!(
        "sensitivity  {:.1} dB/mW = {:.1} dB/V\n\
         at the load  {:.3} Vrms\n\
         max level    {:.1} dB SPL\n\
         headroom     {:+.1} dB over {target} dB ({})\n\
         needs        {:.3} Vrms, {:.2} mW, {:.2} mA\n\
         damping      {}",
        d.sensitivity_db_per_mw,
        d.sensitivity_db_per_v,
        d.load_vrms,
        d.max_spl_db,
        d.headroom_db,
        d.verdict.as_str(),
        d.needed_vrms,
        d.needed_mw,
        d.needed_ma,
        if d.damping_ok {
            "ok (output impedance at most 1/8 of the load)"
        } else {
            "output impedance over 1/8 of the load: expect a coloured, looser bass"
        }
    ))
}

// ---------------------------------------------------------------------------------------------
// sources

fn sources(flags: &Flags) -> CliResult<String> {
    let presets = drive::presets();
    if flags.json() {
        return Ok(to_json(&json!({ "sources": presets })));
    }
    let mut out = String::new();
    for p in presets {
        out.push_str(&format!(
            "{:<10} {} V, {} ohm{}{}\n           {}\n           {} <{}>\n",
            p.id,
            p.spec.vrms,
            p.spec.output_ohm,
            match (p.spec.high_z_vrms, p.spec.high_z_from_ohm) {
                (Some(v), Some(from)) => format!(" ({v} V from {from} ohm)"),
                _ => String::new(),
            },
            if p.provisional { " [provisional]" } else { "" },
            p.device,
            p.source_title,
            p.source_url
        ));
    }
    Ok(out.trim_end().to_owned())
}

// ---------------------------------------------------------------------------------------------
// fr

fn fr(id: &str, flags: &Flags) -> CliResult<String> {
    let smoothing = match flags.one("smooth")? {
        None => Smoothing::None,
        Some(v) => parse_wire::<Smoothing>("smooth", v, &Smoothing::ALL.map(Smoothing::as_str))?,
    };
    let normalize = match flags.one("normalize")? {
        None => Normalize::default(),
        Some(v) => parse_wire::<Normalize>("normalize", v, &Normalize::ALL.map(Normalize::as_str))?,
    };
    let catalog = catalog()?;
    let model = catalog
        .require(id)
        .map_err(|_| Failure::usage(format!("fr: no model with id `{id}`")))?;
    let measurements = sound::Measurements::embedded().map_err(|e| Failure {
        message: format!("the embedded curves are broken: {e}"),
        status: 1,
    })?;
    let measurement = measurements.get(id).ok_or_else(|| Failure {
        message: format!(
            "fr: `{id}` ({}) has no published measurement in Headroom's catalog",
            model.display_name()
        ),
        status: 1,
    })?;
    let target = measurements.target_measurement();
    let analysis = sound::analyse(&measurement.curve, &target.curve, smoothing, normalize);
    let frequencies = sound::GRID.frequencies();
    let series = |c: &sound::Curve| json!({ "frequency_hz": frequencies, "db": c.db });
    if flags.json() {
        return Ok(to_json(&json!({
            "id": id,
            "name": model.display_name(),
            "smooth": smoothing.as_str(),
            "normalize": normalize.as_str(),
            "curve": series(&analysis.curve),
            "target": series(&analysis.target),
            "bands": analysis.bands.iter().map(|b| json!({
                "name": b.name, "low_hz": b.low_hz, "high_hz": b.high_hz, "error_db": b.error_db,
            })).collect::<Vec<_>>(),
            "preference": analysis.preference,
            "source": measurement.provenance,
            "target_source": target.provenance,
        })));
    }
    let p = &measurement.provenance;
    let mut out = format!(
        "{}\nPredicted preference rating: {:.1} (a statistical model of average listeners, not a verdict)\n",
        model.display_name(),
        analysis.preference
    );
    for remark in sound::describe(&analysis.bands) {
        out.push_str(&format!("  {}\n", remark.text));
    }
    out.push_str(&format!(
        "Measured by {} on {}; {} {} at {}",
        p.measurer, p.rig, p.repository, p.path, p.commit
    ));
    if let Some(note) = &p.note {
        out.push_str(&format!("\nNote: {note}"));
    }
    Ok(out)
}

/// Parses a serde wire name (`1/6`, `loudness`), naming the flag and the choices on failure.
fn parse_wire<T: serde::de::DeserializeOwned>(
    flag: &str,
    value: &str,
    names: &[&str],
) -> CliResult<T> {
    serde_json::from_value(Value::String(value.to_owned())).map_err(|_| {
        Failure::usage(format!(
            "--{flag}: `{value}` is not one of {}",
            names.join(", ")
        ))
    })
}
