// Generated from the Rust types by tests/app/types.rs: do not edit. Write it anew with
// `HEADROOM_BLESS=1 cargo test --test app types` after changing a type that crosses IPC.

export type Advice = { model: ModelBrief, 
/**
 * The model's id.
 */
id: string, 
/**
 * The sum of the reasons' weights.
 */
score: number, 
/**
 * How well it fits, from the score.
 */
fit: Fit, 
/**
 * Why, point by point.
 */
reasons: Array<Reason>, 
/**
 * Its level on the user's source; `None` when impedance or sensitivity is unknown.
 */
drive: Drive | null, 
/**
 * Above the user's budget (listed only with `show_over_budget`).
 */
over_budget: boolean, };
export type AdviceList = { 
/**
 * The journal's revision, read before the data (`persist::Journal::revision`): the view
 * draws again only when it changed.
 */
revision: number, total: number, results: Array<Advice>, };
export type AppError = { kind: ErrorKind, message: string, };
export type AppInfo = { version: string, data_dir: string, data_file: string, catalog_models: number, notices: Array<Notice>, 
/**
 * When the process started, in ms since the Unix epoch (for the start-up benchmark).
 */
started_ms: number, 
/**
 * The words the UI shows for the domain's values, from their one home in the domain.
 */
vocabulary: Vocabulary, };
export type Back = "open" | "semi-open" | "closed";
export type BandError = { 
/**
 * Wire name (`bass`).
 */
name: string, 
/**
 * What the UI shows (`Bass`).
 */
label: string, 
/**
 * Lower edge, Hz.
 */
low_hz: number, 
/**
 * Upper edge, Hz.
 */
high_hz: number, 
/**
 * The edges as people read them ("60–250 Hz", "2–5 kHz").
 */
range: string, 
/**
 * Mean of curve − target over the band, dB (positive: above the target).
 */
error_db: number, };
export type Better = "higher" | "lower";
export type Cable = { 
/**
 * Whether it can be unplugged from the headphone.
 */
detachable: boolean | null, 
/**
 * Length in metres (the longest one supplied).
 */
length_m: number | null, 
/**
 * Straight, coiled or both.
 */
style: CableStyle | null, 
/**
 * Plug(s), as published.
 */
connector: string | null, };
export type CableStyle = "straight" | "coiled" | "both";
export type Cell = { 
/**
 * Formatted for people ("250 ohm"); an unknown reads [`NOT_PUBLISHED`], [`NOT_TRIED`],
 * [`NOT_RATED`] or another word, never a number.
 */
text: string, 
/**
 * On numeric rows, the number the text shows (rounded as shown); `None` when unknown and on
 * rows that are not numeric.
 */
value: number | null, 
/**
 * Whether the value is known.
 */
known: boolean, 
/**
 * The best value of its row (see the module documentation).
 */
best: boolean, 
/**
 * On the headroom row only: where the model lands on a bar from [`BAR_SPAN_DB`] short of
 * the target (0) through the target (0.5) to [`BAR_SPAN_DB`] to spare (1), clamped.
 */
bar: number | null, 
/**
 * On rows of catalog figures: how sure the figure is (maker, relayed, the user's own...).
 */
kind: FigureKind | null, };
export type Column = { 
/**
 * The model's id.
 */
id: string, 
/**
 * "Beyerdynamic DT 770 Pro 80 ohm".
 */
name: string, 
/**
 * From the catalog or the user's own.
 */
origin: Origin, };
export type CompareAdded = { ids: Array<string>, added: boolean, };
export type CompareFormat = "markdown" | "csv";
export type Comparison = { 
/**
 * The models, in the user's order.
 */
columns: Array<Column>, 
/**
 * The rows, grouped.
 */
sections: Array<Section>, 
/**
 * The source the loudness rows are for ("Laptop headphone jack").
 */
source_name: string, 
/**
 * The target peak level the headroom is measured against, dB SPL.
 */
target_db: number, };
export type ComparisonView = { 
/**
 * The journal's revision, read before the data (`persist::Journal::revision`): the view
 * draws again only when it changed.
 */
revision: number, ids: Array<string>, comparison: Comparison | null, };
export type Drive = { 
/**
 * Sensitivity in dB SPL for 1 mW.
 */
sensitivity_db_per_mw: number, 
/**
 * Sensitivity in dB SPL for 1 Vrms.
 */
sensitivity_db_per_v: number, 
/**
 * The voltage across the headphone at full volume, Vrms.
 */
load_vrms: number, 
/**
 * The loudest peak the source can make, dB SPL.
 */
max_spl_db: number, 
/**
 * `max_spl_db` minus the target, dB (negative: short of it).
 */
headroom_db: number, 
/**
 * How the headroom reads.
 */
verdict: LoudnessVerdict, 
/**
 * The voltage the target needs, Vrms.
 */
needed_vrms: number, 
/**
 * The power the target needs, mW.
 */
needed_mw: number, 
/**
 * The current the target needs, mA.
 */
needed_ma: number, 
/**
 * Whether the source's output impedance is at most 1/8 of the headphone's.
 */
damping_ok: boolean, };
export type EarlierSessions = { 
/**
 * By shortlisted model id.
 */
by_model: { [key in string]: number }, 
/**
 * Of the models not on the shortlist, together.
 */
others: number, };
export type Entry = { 
/**
 * A catalog model or one of the user's own.
 */
model_id: string, 
/**
 * Where it stands.
 */
status: Status, 
/**
 * The user's one-line reason (at most 200 characters, no line breaks; may be empty).
 */
reason: string, 
/**
 * When it was added, `YYYY-MM-DD`.
 */
added: string, };
export type ErrorKind = "invalid_input" | "not_found" | "invalid_data" | "storage";
export type ExportFormat = "json" | "csv" | "markdown";
export type FacetCount<T> = { 
/**
 * The value, as the filter takes it.
 */
value: T, 
/**
 * Models it matches.
 */
count: number, };
export type Facets = { 
/**
 * Every cup design, in [`Back::ALL`] order, zeros included.
 */
back: Array<FacetCount<Back>>, 
/**
 * Every tier, cheapest first, zeros included.
 */
tier: Array<FacetCount<Tier>>, 
/**
 * Every driver type, in [`Transducer::ALL`] order, zeros included.
 */
transducer: Array<FacetCount<Transducer>>, 
/**
 * Brands with at least one model, plus the brands the query selects (so a ticked box
 * never vanishes), in name order.
 */
brand: Array<FacetCount<string>>, };
export type FigureKind = "maker" | "retailer" | "review" | "measured" | "relayed" | "user";
export type FigureSource = { 
/**
 * How sure the figure is.
 */
kind: FigureKind, 
/**
 * Index into the model's `sources`; `None` for the user's own figure.
 */
source: number | null, };
export type FiguresChanged = { model: Model, undo: Replaced<UserFigures>, };
export type Fit = "great" | "good" | "fair" | "poor";
export type FrequencyResponse = { 
/**
 * Lower bound, Hz.
 */
low_hz: number, 
/**
 * Upper bound, Hz.
 */
high_hz: number, };
export type ImportMode = "merge" | "replace";
export type JournalView = { 
/**
 * The journal's revision, read before the data (`persist::Journal::revision`): the view
 * draws again only when it changed.
 */
revision: number, shortlist: Array<ShortlistItem>, 
/**
 * The latest try-ons of each group (a shortlisted model's; the other models' together),
 * in the order added: a view and every change's answer stay the same size however many
 * the journal holds. `get_sessions` gives a group in full.
 */
sessions: Array<Session>, 
/**
 * How many try-ons of each group `sessions` leaves out.
 */
earlier_sessions: EarlierSessions, own_models: Array<Model>, compare: Array<string>, 
/**
 * Summaries of every tried model, shortlisted or not.
 */
summaries: Array<TryOnSummary>, 
/**
 * The models the sessions refer to, by id, for their names.
 */
models: Array<Model>, };
export type Limits = { reason_chars: number, place_chars: number, notes_chars: number, name_chars: number, minutes: number, import_bytes: number, measurement_bytes: number, curve_label_chars: number, 
/**
 * Try-ons a journal view carries per group (the ones added last).
 */
latest_sessions: number, 
/**
 * The bounds of the figures a user enters for a catalog model: `[low, high]`.
 */
impedance_ohm: [number, number], weight_g: [number, number], price_usd: [number, number], 
/**
 * The advisor profile's session length, hours.
 */
hours: [number, number], 
/**
 * The wider bounds of an own model's figures (`load::sane`).
 */
own_impedance_ohm: [number, number], own_sensitivity_db: [number, number], own_weight_g: [number, number], };
export type LoudEnough = { 
/**
 * The source's voltage and output impedance.
 */
source: SourceSpec, 
/**
 * The peak level to reach, dB SPL.
 */
target_db: number, };
export type LoudnessVerdict = "comfortable" | "enough" | "marginal" | "too-quiet";
export type Model = { 
/**
 * Stable slug, unique in the catalog.
 */
id: string, 
/**
 * Slug shared by every variant of the product.
 */
family: string, 
/**
 * Maker.
 */
brand: string, 
/**
 * Model name without the brand.
 */
model: string, 
/**
 * Variant label (`80 ohm`), if the product comes in several.
 */
variant: string | null, 
/**
 * Cup design.
 */
back: Back, 
/**
 * Driver type.
 */
transducer: Transducer | null, 
/**
 * Driver size, mm.
 */
driver_mm: number | null, 
/**
 * Nominal impedance, ohm.
 */
impedance_ohm: number | null, 
/**
 * Sensitivity with its unit.
 */
sensitivity: Sensitivity | null, 
/**
 * Weight without cable, grams.
 */
weight_g: number | null, 
/**
 * Frequency range as stated.
 */
frequency_response: FrequencyResponse | null, 
/**
 * Cable.
 */
cable: Cable, 
/**
 * Cups fold.
 */
folds: boolean | null, 
/**
 * Cups swivel.
 */
swivels: boolean | null, 
/**
 * Pad material.
 */
pads: string | null, 
/**
 * Price tier (always set for catalog models).
 */
tier: Tier | null, 
/**
 * Indicative price.
 */
price: Price | null, 
/**
 * Launch year.
 */
year: number | null, 
/**
 * Studio notes.
 */
notes: StudioNotes, 
/**
 * Where the figures come from (at least one for catalog models).
 */
sources: Array<Source>, 
/**
 * How sure each known figure is, keyed by field name (see [`FIGURES`]).
 */
provenance: { [key in string]: FigureSource }, 
/**
 * Free-text notes per figure (disagreements, references), keyed by field name.
 */
figure_notes: { [key in string]: string }, 
/**
 * Catalog or the user's own.
 */
origin: Origin, };
export type ModelBrief = { 
/**
 * Stable slug.
 */
id: string, 
/**
 * Maker.
 */
brand: string, 
/**
 * Model name without the brand.
 */
model: string, 
/**
 * Variant label.
 */
variant: string | null, 
/**
 * Cup design.
 */
back: Back, 
/**
 * Driver type.
 */
transducer: Transducer | null, 
/**
 * Nominal impedance, ohm.
 */
impedance_ohm: number | null, 
/**
 * Sensitivity with its unit.
 */
sensitivity: Sensitivity | null, 
/**
 * Weight without cable, grams.
 */
weight_g: number | null, 
/**
 * Price tier.
 */
tier: Tier | null, 
/**
 * Catalog or the user's own.
 */
origin: Origin, };
export type ModelPage = { total: number, models: Array<ModelBrief>, facets: Facets, };
export type Normalize = "1k" | "500" | "loudness";
export type Notice = { 
/**
 * `info`, `warning` or `error`.
 */
level: string, message: string, };
export type Origin = "catalog" | "user";
export type OwnModelInput = { 
/**
 * Maker, if known.
 */
brand?: string | null, 
/**
 * Model name (required, one line, at most 120 characters).
 */
model: string, 
/**
 * Variant label.
 */
variant?: string | null, 
/**
 * Cup design (required).
 */
back: Back, 
/**
 * Driver type.
 */
transducer?: Transducer | null, 
/**
 * Driver size, mm.
 */
driver_mm?: number | null, 
/**
 * Nominal impedance, ohm.
 */
impedance_ohm?: number | null, 
/**
 * Sensitivity with its unit.
 */
sensitivity?: Sensitivity | null, 
/**
 * Weight without cable, grams.
 */
weight_g?: number | null, 
/**
 * Frequency range as stated.
 */
frequency_response?: FrequencyResponse | null, 
/**
 * Cable.
 */
cable?: Cable, 
/**
 * Cups fold.
 */
folds?: boolean | null, 
/**
 * Cups swivel.
 */
swivels?: boolean | null, 
/**
 * Pad material.
 */
pads?: string | null, 
/**
 * Price tier.
 */
tier?: Tier | null, 
/**
 * Indicative price.
 */
price?: Price | null, 
/**
 * Launch year.
 */
year?: number | null, 
/**
 * Studio notes.
 */
notes?: StudioNotes, 
/**
 * Where the figures come from (`http(s)` addresses only).
 */
sources?: Array<Source>, 
/**
 * Per-figure provenance, keyed by field name.
 */
figure_notes?: { [key in string]: string }, };
export type Plot = { 
/**
 * Width, px.
 */
width: number, 
/**
 * Height, px.
 */
height: number, 
/**
 * The plotting area: left, top, right, bottom, px.
 */
area: [number, number, number, number], 
/**
 * Lowest and highest dB shown.
 */
db_range: [number, number], 
/**
 * Frequency ticks, px from the left.
 */
x_ticks: Array<Tick>, 
/**
 * Level ticks, px from the top.
 */
y_ticks: Array<Tick>, 
/**
 * The frequency of each grid point, Hz.
 */
frequency_hz: Array<number>, 
/**
 * The x of each grid point, px (a readout finds the nearest).
 */
x: Array<number>, 
/**
 * The curves, models first, the target last.
 */
series: Array<PlotSeries>, };
export type PlotSeries = { 
/**
 * What the legend says.
 */
label: string, 
/**
 * Whether this is the target.
 */
target: boolean, 
/**
 * SVG path data.
 */
d: string, 
/**
 * SVG stroke-dasharray (empty: solid).
 */
dash: string, 
/**
 * The level at each grid point, dB (for the readout and the CSV).
 */
db: Array<number>, };
export type Price = { 
/**
 * The amount.
 */
amount: number, 
/**
 * ISO 4217 code.
 */
currency: string, 
/**
 * `YYYY-MM` when the price was seen.
 */
as_of: string, 
/**
 * Where it was seen.
 */
source: string, };
export type Profile = { 
/**
 * How noisy the room is.
 */
room: Room, 
/**
 * Someone nearby must not hear (office, shared flat, sleeping family).
 */
others_nearby: boolean, 
/**
 * What the headphones are for (duplicates are ignored).
 */
tasks: Array<Task>, 
/**
 * What they plug into.
 */
source: SourceChoice, 
/**
 * The highest price tier the user will pay.
 */
budget: Tier, 
/**
 * Typical session length, hours (0.25 to 16).
 */
hours: number, 
/**
 * Owns monitor speakers.
 */
has_monitors: boolean, 
/**
 * Wears glasses.
 */
glasses: boolean, 
/**
 * Runs hot (sweaty ears).
 */
runs_hot: boolean, 
/**
 * Target peak level, dB SPL (90 to 125; 105 quiet, 110 default, 115 loud).
 */
target_db: number, 
/**
 * List models above the budget too, after the others and flagged.
 */
show_over_budget: boolean, };
export type Provenance = { 
/**
 * Who measured it (`oratory1990`), or who published the target.
 */
measurer: string, 
/**
 * The rig: ear simulator and pinna.
 */
rig: string, 
/**
 * The public repository it was read from (`jaakkopasanen/AutoEq`).
 */
repository: string, 
/**
 * The file's path in that repository.
 */
path: string, 
/**
 * The commit the file was read at (40 hex digits).
 */
commit: string, 
/**
 * When it was read, `YYYY-MM-DD`.
 */
read: string, 
/**
 * What else a reader must know: above all, that the measurement is of a near model (a
 * predecessor, a non-Pro twin, other pads). Never attached silently.
 */
note: string | null, };
export type Query = { 
/**
 * Free text, matched as described on [`run`].
 */
text: string, 
/**
 * Cup designs to keep.
 */
back: Array<Back>, 
/**
 * Price tiers to keep (a model without a tier fails an active tier filter).
 */
tier: Array<Tier>, 
/**
 * Driver types to keep (an unknown driver type fails an active filter).
 */
transducer: Array<Transducer>, 
/**
 * Brands to keep, spelt as in the catalog (the brand facet's values).
 */
brand: Array<string>, 
/**
 * Lowest nominal impedance, ohm, inclusive. An unknown impedance fails a set bound.
 */
impedance_min: number | null, 
/**
 * Highest nominal impedance, ohm, inclusive. An unknown impedance fails a set bound.
 */
impedance_max: number | null, 
/**
 * Only the catalog's models or only the user's own.
 */
origin: Origin | null, 
/**
 * Only models that reach a level on a source.
 */
loud_enough: LoudEnough | null, 
/**
 * The column to sort by.
 */
sort: SortKey, 
/**
 * Reverse the sort. Unknown values stay last and ties keep brand/model/variant order (so
 * relevance without text, which *is* that order, reverses entirely).
 */
descending: boolean, 
/**
 * Matches to skip before the page.
 */
offset: number, 
/**
 * Page size; `None` returns every match from `offset` on.
 */
limit: number | null, };
export type Ratings = { 
/**
 * Overall comfort. 5: could wear it all day without noticing; 1: wants it off at once.
 */
comfort?: number, 
/**
 * Clamp force. 5: sits securely without pressure; 1: painfully tight (or so loose that it
 * slides off).
 */
clamp?: number, 
/**
 * Weight as felt on the head. 5: hardly noticeable; 1: heavy, the neck tires.
 */
weight?: number, 
/**
 * Heat. 5: ears stay cool; 1: hot and sweaty within minutes.
 */
heat?: number, 
/**
 * Pads. 5: soft, roomy, the ears fit inside; 1: hard, or pressing on the ears.
 */
pads?: number, 
/**
 * Fit with glasses, for users who wear them. 5: no pressure on the arms and the seal holds;
 * 1: painful, or the seal breaks.
 */
glasses_fit?: number, };
export type Reason = { 
/**
 * Pro (weight > 0) or con (weight < 0).
 */
kind: ReasonKind, 
/**
 * A plain sentence naming the user's situation. Shared (`Arc<str>`): the same sentence
 * applies to many models, and a ranking of 100,000 models allocates each sentence once.
 * Serializes as a plain string; read it as `&str` with `&*reason.text`.
 */
text: string, 
/**
 * Added to the score.
 */
weight: number, };
export type ReasonKind = "pro" | "con";
export type Reference = { 
/**
 * What the page is.
 */
title: string, 
/**
 * Its address.
 */
url: string, 
/**
 * The figure it backs (`vrms`, `output_ohm`).
 */
figure: string, };
export type Remark = { 
/**
 * The band's wire name.
 */
band: string, 
/**
 * How far off it is.
 */
severity: Severity, 
/**
 * Mean error, dB.
 */
error_db: number, 
/**
 * "Treble 5–10 kHz: 4.1 dB above target: bright; can tire over long sessions".
 */
text: string, };
export type Removed<T> = { item: T, index: number, };
export type Replaced<T> = { model_id: string, previous: T | null, };
export type Room = "quiet" | "moderate" | "noisy";
export type Row = { 
/**
 * Stable snake_case id (`impedance_ohm`, `headroom_db`, `reason_1`).
 */
key: string, 
/**
 * What people read.
 */
label: string, 
/**
 * One per column, in column order.
 */
cells: Array<Cell>, 
/**
 * The cells do not all read the same.
 */
differs: boolean, 
/**
 * Which way the values get better, on rows where that is defined.
 */
better: Better | null, };
export type Section = { 
/**
 * Stable id: `specs`, `build`, `price`, `notes`, `sources`, `advice`, `loudness`, `tryon`.
 */
key: string, 
/**
 * What people read.
 */
title: string, 
/**
 * The rows, in display order.
 */
rows: Array<Row>, };
export type Sensitivity = { 
/**
 * dB SPL.
 */
value: number, 
/**
 * Per milliwatt or per volt.
 */
unit: SensitivityUnit, 
/**
 * Reference frequency, where the source states one.
 */
ref_hz: number | null, };
export type SensitivityUnit = "dB/mW" | "dB/V";
export type Session = { 
/**
 * Unique in the document: lower-case letters, digits and hyphens, at most 64 characters
 * (generated ones are `s-<n>`).
 */
id: string, 
/**
 * A catalog model or one of the user's own.
 */
model_id: string, 
/**
 * When, `YYYY-MM-DD`.
 */
date: string, 
/**
 * Where ("Thomann Berlin", "at home"): one line, at most 120 characters; may be empty.
 */
place: string, 
/**
 * Minutes worn, 1 to 600.
 */
minutes: number | null, 
/**
 * How it felt.
 */
ratings: Ratings, 
/**
 * How it sounded.
 */
sound: Sound, 
/**
 * Free text, at most 10,000 characters.
 */
notes: string, 
/**
 * Keep, maybe or no.
 */
verdict: TryOnVerdict | null, };
export type SessionGroup = { "model": string } | "others";
export type SessionInput = { 
/**
 * A catalog model or one of the user's own.
 */
model_id: string, 
/**
 * When, `YYYY-MM-DD`.
 */
date: string, 
/**
 * Where: one line, at most 120 characters.
 */
place: string, 
/**
 * Minutes worn, 1 to 600.
 */
minutes?: number | null, 
/**
 * How it felt.
 */
ratings: Ratings, 
/**
 * How it sounded.
 */
sound: Sound, 
/**
 * Free text, at most 10,000 characters.
 */
notes: string, 
/**
 * Keep, maybe or no.
 */
verdict?: TryOnVerdict | null, };
export type Severity = "close" | "mild" | "far";
export type ShortlistItem = { model: Model, 
/**
 * A catalog model or one of the user's own.
 */
model_id: string, 
/**
 * Where it stands.
 */
status: Status, 
/**
 * The user's one-line reason (at most 200 characters, no line breaks; may be empty).
 */
reason: string, 
/**
 * When it was added, `YYYY-MM-DD`.
 */
added: string, };
export type ShownCurve = { 
/**
 * The model's id.
 */
model_id: string, 
/**
 * What the legend says ("Sennheiser HD 650", "Sennheiser HD 650 (your measurement)").
 */
label: string, 
/**
 * Whether this is the user's own measurement.
 */
own: boolean, 
/**
 * Who measured it, on what, where it was read.
 */
provenance: Provenance, 
/**
 * Mean error per band, with the chosen normalisation.
 */
bands: Array<BandError>, 
/**
 * The bands in words.
 */
remarks: Array<Remark>, 
/**
 * Predicted preference rating.
 */
preference: number, };
export type Smoothing = "none" | "1/12" | "1/6" | "1/3";
export type SortKey = "relevance" | "brand" | "model" | "back" | "tier" | "transducer" | "impedance" | "sensitivity" | "weight" | "driver" | "year" | "price-tier";
export type Sound = { 
/**
 * Amount of bass. 1: thin, recessed; 3: neutral; 5: boomy, emphasised.
 */
bass?: number, 
/**
 * Amount of mids. 1: scooped; 3: neutral; 5: forward, honky.
 */
mids?: number, 
/**
 * Amount of treble. 1: dark, dull; 3: neutral; 5: bright, sharp.
 */
treble?: number, 
/**
 * Width of the stage. 1: narrow, inside the head; 5: wide, speaker-like.
 */
soundstage?: number, 
/**
 * Isolation: how much of the room it keeps out. 1: none; 5: the room disappears.
 */
isolation?: number, 
/**
 * Leakage: how much people nearby hear. 1: nothing; 5: they hear every word.
 */
leakage?: number, };
export type SoundView = { 
/**
 * The options it was made with.
 */
options: ViewOptions, 
/**
 * The curves shown, in plot order (the target is the plot's last series, not listed here).
 */
curves: Array<ShownCurve>, 
/**
 * Models asked for that have no curve at all, by display name.
 */
unmeasured: Array<string>, 
/**
 * The plot (empty of curves when nothing is measured).
 */
plot: Plot, 
/**
 * The target's provenance.
 */
target: Provenance, };
export type Source = { 
/**
 * Maker, retailer or review.
 */
kind: SourceKind, 
/**
 * What the page is.
 */
title: string, 
/**
 * Its address.
 */
url: string, };
export type SourceChoice = { 
/**
 * `phone`, `laptop`, `mac`, `interface`, `amp` or `custom`.
 */
preset: string, 
/**
 * Open-circuit voltage, Vrms (custom only; ignored for presets).
 */
vrms: number | null, 
/**
 * Output impedance, ohm (custom only; ignored for presets).
 */
output_ohm: number | null, };
export type SourceKind = "maker" | "retailer" | "review" | "dataset";
export type SourcePreset = { 
/**
 * `phone`, `laptop`, `mac`, `interface`, `amp`.
 */
id: string, 
/**
 * What the UI shows.
 */
name: string, 
/**
 * The figures.
 */
spec: SourceSpec, 
/**
 * The real device the figures are for.
 */
device: string, 
/**
 * The main publication behind the figures.
 */
source_title: string, 
/**
 * Its address.
 */
source_url: string, 
/**
 * Why the device is typical and how the figures were read.
 */
note: string, 
/**
 * Further publications, each backing one figure.
 */
other_sources: Array<Reference>, 
/**
 * True when a figure was not published and an assumption stands in (the note says which).
 */
provisional: boolean, 
/**
 * Whether the output impedance was published. When it was not, `spec.output_ohm` is 0:
 * levels are the most the voltage can give, and the damping check means nothing.
 */
output_ohm_published: boolean, };
export type SourceSpec = { 
/**
 * Open-circuit voltage at full volume, Vrms.
 */
vrms: number, 
/**
 * Output impedance, ohm.
 */
output_ohm: number, 
/**
 * The voltage for loads of `high_z_from_ohm` and up, if the source adapts to the load.
 */
high_z_vrms?: number | null, 
/**
 * The load from which `high_z_vrms` applies, ohm.
 */
high_z_from_ohm?: number | null, };
export type Status = "to-try" | "tried" | "favourite" | "bought" | "ruled-out";
export type StudioNotes = { 
/**
 * How well it keeps the room out.
 */
isolation: string | null, 
/**
 * How much it lets out.
 */
leakage: string | null, 
/**
 * Long-session comfort.
 */
comfort: string | null, };
export type Task = "tracking" | "mixing" | "mastering" | "editing" | "critical-listening" | "djing" | "commuting" | "casual";
export type Tick = { 
/**
 * Position along its axis, px.
 */
at: number, 
/**
 * Label.
 */
label: string, };
export type Tier = "budget" | "midrange" | "high-end";
export type Transducer = "dynamic" | "planar-magnetic" | "electrostatic" | "other";
export type TryOnSummary = { 
/**
 * The model.
 */
model_id: string, 
/**
 * How many sessions it has (at least 1).
 */
sessions: number, 
/**
 * The date of the latest session.
 */
last_date: string, 
/**
 * Average comfort.
 */
avg_comfort: number | null, 
/**
 * Average clamp.
 */
avg_clamp: number | null, 
/**
 * Average weight.
 */
avg_weight: number | null, 
/**
 * Average heat.
 */
avg_heat: number | null, 
/**
 * Average pads.
 */
avg_pads: number | null, 
/**
 * Average fit with glasses.
 */
avg_glasses_fit: number | null, 
/**
 * Average amount of bass.
 */
avg_bass: number | null, 
/**
 * Average amount of mids.
 */
avg_mids: number | null, 
/**
 * Average amount of treble.
 */
avg_treble: number | null, 
/**
 * Average soundstage width.
 */
avg_soundstage: number | null, 
/**
 * Average isolation.
 */
avg_isolation: number | null, 
/**
 * Average leakage.
 */
avg_leakage: number | null, 
/**
 * The verdict of the latest session (by date, then id) that has one.
 */
last_verdict: TryOnVerdict | null, 
/**
 * The start of the latest non-empty note: whitespace runs made single spaces, at most
 * [`EXCERPT_CHARS`] characters, then `…` if it was longer.
 */
latest_note: string | null, };
export type TryOnVerdict = "keep" | "maybe" | "no";
export type Undoable<T> = { journal: JournalView, undo: T, };
export type UserFigures = { 
/**
 * Nominal impedance, ohm.
 */
impedance_ohm: number | null, 
/**
 * Sensitivity with its unit.
 */
sensitivity: Sensitivity | null, 
/**
 * Weight without cable, grams.
 */
weight_g: number | null, 
/**
 * What the user paid or saw, in US dollars.
 */
price: Price | null, };
export type ViewOptions = { 
/**
 * Smoothing for display.
 */
smoothing: Smoothing, 
/**
 * How curves are aligned in level.
 */
normalize: Normalize, 
/**
 * Show each curve's error against the target instead of the raw curves.
 */
error: boolean, };
export type Vocabulary = { figure_kinds: Array<Word>, smoothing: Array<Word>, normalize: Array<Word>, backs: Array<Word>, transducers: Array<Word>, tiers: Array<Word>, 
/**
 * The loudness verdicts (`drive::Verdict`).
 */
loudness: Array<Word>, fits: Array<Word>, statuses: Array<Word>, 
/**
 * The try-on verdicts (`journal::Verdict`).
 */
tryon_verdicts: Array<Word>, 
/**
 * The fields whose provenance a model carries (`model::FIGURES`).
 */
figure_fields: Array<string>, limits: Limits, };
export type Word = { value: string, label: string, explanation: string | null, };

/** Each command the window may call: its arguments and what it resolves to. */
export interface Commands {
  app_info: { args: {  }; result: AppInfo };
  list_models: { args: { query: Partial<Query> }; result: ModelPage };
  get_model: { args: { id: string }; result: Model };
  source_presets: { args: {  }; result: Array<SourcePreset> };
  get_profile: { args: {  }; result: Profile };
  save_profile: { args: { profile: Partial<Profile> }; result: null };
  recommend: { args: { profile: Partial<Profile> }; result: AdviceList };
  get_journal: { args: {  }; result: JournalView };
  get_sessions: { args: { group: SessionGroup }; result: Array<Session> };
  shortlist_add: { args: { modelId: string }; result: JournalView };
  shortlist_set_status: { args: { modelId: string; status: Status }; result: JournalView };
  shortlist_set_reason: { args: { modelId: string; reason: string }; result: JournalView };
  shortlist_move: { args: { modelId: string; index: number }; result: JournalView };
  shortlist_remove: { args: { modelId: string }; result: Undoable<Removed<Entry>> };
  shortlist_restore: { args: { undo: Removed<Entry> }; result: JournalView };
  session_add: { args: { session: SessionInput }; result: JournalView };
  session_update: { args: { id: string; session: SessionInput }; result: JournalView };
  session_delete: { args: { id: string }; result: Undoable<Removed<Session>> };
  session_restore: { args: { undo: Removed<Session> }; result: JournalView };
  own_model_add: { args: { model: OwnModelInput }; result: JournalView };
  own_model_update: { args: { id: string; model: OwnModelInput }; result: JournalView };
  own_model_delete: { args: { id: string }; result: Undoable<Removed<Model>> };
  own_model_restore: { args: { undo: Removed<Model> }; result: JournalView };
  set_compare: { args: { ids: Array<string> }; result: JournalView };
  compare_add: { args: { modelId: string }; result: CompareAdded };
  export_journal: { args: { format: ExportFormat }; result: string };
  import_journal: { args: { text: string; mode: ImportMode }; result: JournalView };
  get_comparison: { args: {  }; result: ComparisonView };
  export_comparison: { args: { format: CompareFormat }; result: string };
  set_figures: { args: { modelId: string; figures: UserFigures }; result: FiguresChanged };
  remove_figures: { args: { modelId: string }; result: FiguresChanged };
  get_sound: { args: { ids: Array<string>; options: Partial<ViewOptions> }; result: SoundView };
  export_sound_csv: { args: { ids: Array<string>; options: Partial<ViewOptions> }; result: string };
  import_curve: { args: { modelId: string; label: string; text: string }; result: Replaced<UserCurve> };
  remove_curve: { args: { modelId: string }; result: Replaced<UserCurve> };
  restore_curve: { args: { undo: Replaced<UserCurve> }; result: null };
}
