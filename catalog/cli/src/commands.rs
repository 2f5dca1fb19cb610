//! The commands, each from its typed arguments to its output: JSON with `--json` (the fields
//! scripts rely on; `tests/cli.rs` pins them), text otherwise.

use headroom_domain::advisor::{self, Profile, SourceChoice};
use headroom_domain::drive::{self, SourceSpec};
use headroom_domain::query::{self, Query};
use headroom_domain::sound::{self, Smoothing};
use headroom_domain::{Catalog, Error, Model, Sensitivity, Tier};
use serde_json::{json, Value};

use crate::{CliResult, DriveArgs, Failure, FrArgs, ModelsArgs, RecommendArgs, SourcesArgs};

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

pub(crate) fn models(a: &ModelsArgs) -> CliResult<String> {
    let catalog = catalog()?;
    let q = Query {
        back: a.back.clone(),
        tier: a.tier.clone(),
        text: a.search.clone().unwrap_or_default(),
        ..Query::default()
    };
    let result = query::run(&catalog, &q).map_err(|e| flag_error(&e, &[("text", "search")]))?;
    let found: Vec<&Model> = result.ids.iter().filter_map(|id| catalog.get(id)).collect();
    if a.json {
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
    out.push_str(&count(found.len()));
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

fn profile_from(a: &RecommendArgs) -> CliResult<Profile> {
    let mut p = Profile::default();
    if let Some(room) = a.room {
        p.room = room;
    }
    if !a.task.is_empty() {
        p.tasks.clear();
        for task in &a.task {
            if !p.tasks.contains(task) {
                p.tasks.push(*task);
            }
        }
    }
    if let Some(id) = &a.source {
        p.source = SourceChoice {
            preset: id.to_lowercase(),
            ..SourceChoice::default()
        };
    }
    if p.source.preset == "custom" {
        p.source.vrms = Some(
            a.vrms
                .ok_or_else(|| Failure::usage("--vrms: needed with --source custom"))?,
        );
        p.source.output_ohm = Some(
            a.output_ohms
                .ok_or_else(|| Failure::usage("--output-ohms: needed with --source custom"))?,
        );
    } else if a.vrms.is_some() {
        return Err(Failure::usage("--vrms: only with --source custom"));
    } else if a.output_ohms.is_some() {
        return Err(Failure::usage("--output-ohms: only with --source custom"));
    }
    if let Some(tier) = a.budget {
        p.budget = tier;
    }
    if let Some(h) = a.hours {
        p.hours = h;
    }
    if let Some(t) = a.target_db {
        p.target_db = t;
    }
    p.others_nearby = a.others_nearby;
    p.has_monitors = !a.no_monitors;
    p.glasses = a.glasses;
    p.runs_hot = a.runs_hot;
    p.show_over_budget = a.show_over_budget;
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

pub(crate) fn recommend(a: &RecommendArgs) -> CliResult<String> {
    let profile = profile_from(a)?;
    let catalog = catalog()?;
    let mut ranked = advisor::recommend(&catalog, &profile, &[])
        .map_err(|e| Failure::usage(e.message().to_owned()))?;
    if let Some(n) = a.limit {
        ranked.truncate(usize::try_from(n).unwrap_or(usize::MAX));
    }
    if a.json {
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
    out.push_str(&count(ranked.len()));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// drive

pub(crate) fn drive_cmd(a: &DriveArgs) -> CliResult<String> {
    let (impedance, sensitivity) = if let Some(id) = &a.model {
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
        let z = a
            .impedance
            .ok_or_else(|| Failure::usage("--impedance: needed (or --model ID)"))?;
        let value = a
            .sensitivity
            .ok_or_else(|| Failure::usage("--sensitivity: needed (or --model ID)"))?;
        let unit = a
            .unit
            .ok_or_else(|| Failure::usage("--unit: needed with --sensitivity (dB/mW or dB/V)"))?;
        (
            z,
            Sensitivity {
                value,
                unit,
                ref_hz: None,
            },
        )
    };
    let source = match (&a.source, a.vrms) {
        (Some(id), None) => {
            if a.output_ohms.is_some() {
                return Err(Failure::usage("--output-ohms: only with --vrms"));
            }
            drive::preset(&id.to_lowercase())
                .map_err(|_| {
                    Failure::usage(format!(
                        "--source: `{id}` is not one of {}",
                        drive::PRESET_IDS.join(", ")
                    ))
                })?
                .spec
        }
        (None, Some(vrms)) => SourceSpec::new(vrms, a.output_ohms.unwrap_or(0.0)),
        (Some(_), Some(_)) => return Err(Failure::usage("--vrms: give either --vrms or --source")),
        (None, None) => return Err(Failure::usage("--vrms: needed (or --source PRESET)")),
    };
    let target = a.target_db.unwrap_or(drive::DEFAULT_TARGET_DB);
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
    if a.json {
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

pub(crate) fn sources(a: &SourcesArgs) -> CliResult<String> {
    let presets = drive::presets();
    if a.json {
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

pub(crate) fn fr(a: &FrArgs) -> CliResult<String> {
    let id = a.id.as_str();
    let smoothing = a.smooth.unwrap_or(Smoothing::None);
    let normalize = a.normalize.unwrap_or_default();
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
    if a.json {
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

/// "1 model", "3 models".
fn count(n: usize) -> String {
    if n == 1 {
        "1 model".to_owned()
    } else {
        format!("{n} models")
    }
}
