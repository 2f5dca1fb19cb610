//! `headroom-cli`: the catalog, the advisor, the drivability engine and the measured sound from
//! a shell.
//!
//! ```text
//! headroom-cli models [--back open|closed|semi-open]... [--tier budget|midrange|high-end]...
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
//! `--help` works for the tool and for each subcommand. The values of every enumerated flag are
//! the domain's wire names, read from its enums. Errors print one line naming the bad flag or
//! value and exit with status 2 (1 when the embedded data itself is broken, or a model has no
//! measurement).

mod commands;

use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use headroom_domain::advisor::{Room, Task};
use headroom_domain::drive;
use headroom_domain::sound::{Normalize, Smoothing};
use headroom_domain::{Back, SensitivityUnit, Tier};
use serde::de::DeserializeOwned;

/// Choose studio headphones from a shell: the catalog, the advisor, drivability and measured
/// sound, from the same engine as the Headroom app.
#[derive(Parser)]
#[command(name = "headroom-cli", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The catalog's models, filtered and searched.
    Models(ModelsArgs),
    /// Models ranked for your situation, each with its reasons.
    Recommend(RecommendArgs),
    /// How loud a headphone gets on a source.
    Drive(DriveArgs),
    /// The source presets and where their figures come from.
    Sources(SourcesArgs),
    /// A model's measured frequency response against the Harman over-ear 2018 target.
    Fr(FrArgs),
}

/// A parser for an enum's wire names (its `as_str`, which are its serde names): the list the
/// help shows and the one accepted are the domain's own, matched without regard to case.
fn wire<T, const N: usize>(
    all: [T; N],
    name: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T>
where
    T: DeserializeOwned + Copy + Send + Sync + 'static,
{
    PossibleValuesParser::new(all.map(name)).map(|s| {
        serde_json::from_value(serde_json::Value::String(s))
            .expect("a possible value is a wire name")
    })
}

#[derive(Args)]
pub(crate) struct ModelsArgs {
    /// Cup design (repeat to allow several).
    #[arg(long, ignore_case = true, value_parser = wire(Back::ALL, Back::as_str))]
    pub back: Vec<Back>,
    /// Price tier (repeat to allow several).
    #[arg(long, ignore_case = true, value_parser = wire(Tier::ALL, Tier::as_str))]
    pub tier: Vec<Tier>,
    /// Search text: brand, model or variant, as people type them.
    #[arg(long)]
    pub search: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub(crate) struct RecommendArgs {
    /// How noisy the room is.
    #[arg(long, ignore_case = true, value_parser = wire(Room::ALL, Room::as_str))]
    pub room: Option<Room>,
    /// What the headphones are for (repeat for several; default mixing).
    #[arg(long, ignore_case = true, value_parser = wire(Task::ALL, Task::as_str))]
    pub task: Vec<Task>,
    /// What they plug into: a preset, or `custom` with --vrms and --output-ohms.
    #[arg(long, ignore_case = true, value_parser = source_choices())]
    pub source: Option<String>,
    /// A custom source's open-circuit voltage, Vrms.
    #[arg(long, allow_negative_numbers = true)]
    pub vrms: Option<f64>,
    /// A custom source's output impedance, ohm.
    #[arg(long = "output-ohms", allow_negative_numbers = true)]
    pub output_ohms: Option<f64>,
    /// The highest price tier you will pay.
    #[arg(long, ignore_case = true, value_parser = wire(Tier::ALL, Tier::as_str))]
    pub budget: Option<Tier>,
    /// Typical session length, hours.
    #[arg(long, allow_negative_numbers = true)]
    pub hours: Option<f64>,
    /// Someone nearby must not hear.
    #[arg(long = "others-nearby")]
    pub others_nearby: bool,
    /// You have no monitor speakers.
    #[arg(long = "no-monitors")]
    pub no_monitors: bool,
    /// You wear glasses.
    #[arg(long)]
    pub glasses: bool,
    /// You run hot (sweaty ears).
    #[arg(long = "runs-hot")]
    pub runs_hot: bool,
    /// Loudest peaks you listen at, dB SPL (default 110).
    #[arg(long = "target-db", allow_negative_numbers = true)]
    pub target_db: Option<f64>,
    /// List models above the budget too, after the others.
    #[arg(long = "show-over-budget")]
    pub show_over_budget: bool,
    /// Show at most this many models.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// The source choices: the presets' ids and `custom`.
fn source_choices() -> PossibleValuesParser {
    PossibleValuesParser::new(drive::PRESET_IDS.iter().copied().chain(["custom"]))
}

#[derive(Args)]
pub(crate) struct DriveArgs {
    /// A catalog model's id (its impedance and sensitivity are used).
    #[arg(long, conflicts_with_all = ["impedance", "sensitivity", "unit"])]
    pub model: Option<String>,
    /// Nominal impedance, ohm.
    #[arg(long, allow_negative_numbers = true)]
    pub impedance: Option<f64>,
    /// Sensitivity, dB SPL (with --unit).
    #[arg(long, allow_negative_numbers = true)]
    pub sensitivity: Option<f64>,
    /// The sensitivity's unit.
    #[arg(long, value_parser = wire(SensitivityUnit::ALL, SensitivityUnit::as_str))]
    pub unit: Option<SensitivityUnit>,
    /// The source's open-circuit voltage, Vrms.
    #[arg(long, allow_negative_numbers = true, conflicts_with = "source")]
    pub vrms: Option<f64>,
    /// The source's output impedance, ohm (with --vrms; default 0).
    #[arg(long = "output-ohms", allow_negative_numbers = true)]
    pub output_ohms: Option<f64>,
    /// A source preset instead of --vrms.
    #[arg(long, ignore_case = true, value_parser = PossibleValuesParser::new(drive::PRESET_IDS))]
    pub source: Option<String>,
    /// Loudest peaks, dB SPL (default 110).
    #[arg(long = "target-db", allow_negative_numbers = true)]
    pub target_db: Option<f64>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub(crate) struct SourcesArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub(crate) struct FrArgs {
    /// The model's id.
    #[arg(value_name = "MODEL-ID")]
    pub id: String,
    /// Fractional-octave smoothing.
    #[arg(long, value_parser = wire(Smoothing::ALL, Smoothing::as_str))]
    pub smooth: Option<Smoothing>,
    /// How curve and target are aligned in level (default loudness).
    #[arg(long, value_parser = wire(Normalize::ALL, Normalize::as_str))]
    pub normalize: Option<Normalize>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// A failure to report: one line, and the exit status.
pub(crate) struct Failure {
    pub message: String,
    pub status: u8,
}

impl Failure {
    /// A mistake in the command line: status 2.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            status: 2,
        }
    }
}

pub(crate) type CliResult<T> = Result<T, Failure>;

/// clap's message folded onto one line (its lists of possible values included, its hint to try
/// `--help` left out), as every error of this tool is.
fn one_line(e: &clap::Error) -> String {
    e.render()
        .to_string()
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with("For more information") && !l.starts_with("Usage:")
        })
        .map(|l| l.strip_prefix("error: ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprintln!(
                "headroom-cli: missing command: models, recommend, drive, sources or fr (--help for usage)"
            );
            return ExitCode::from(2);
        }
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            print!("{}", e.render());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("headroom-cli: {}", one_line(&e));
            return ExitCode::from(2);
        }
    };
    let outcome = match &cli.command {
        Command::Models(a) => commands::models(a),
        Command::Recommend(a) => commands::recommend(a),
        Command::Drive(a) => commands::drive_cmd(a),
        Command::Sources(a) => commands::sources(a),
        Command::Fr(a) => commands::fr(a),
    };
    match outcome {
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
