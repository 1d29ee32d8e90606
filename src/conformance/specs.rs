//! Recognizers-Text spec files: reading cases, running factline on each input and scoring the
//! results by the upstream rules (results paired in order, spans in characters with an
//! inclusive end, text compared case-insensitively, values compared numerically).

use super::adapt::{self, Found};
use super::{files_under, ConformanceError};
use jiff::civil::DateTime;
use serde::Serialize;
use serde_json::Value;
use std::path::Path;

/// Which recognizer a spec file tests, from its folder and name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Model {
    /// Numbers (`NumberModel*`).
    Number,
    /// Ordinals (`OrdinalModel*`).
    Ordinal,
    /// Percentages (`PercentModel*`).
    Percent,
    /// Number ranges (`NumberRangeModel*`).
    NumberRange,
    /// Money (`CurrencyModel`).
    Currency,
    /// Physical dimensions (`DimensionModel`).
    Dimension,
    /// Ages (`AgeModel`).
    Age,
    /// Temperatures (`TemperatureModel`).
    Temperature,
    /// Dates and times, model output (`DateTimeModel*`, `Timex/`).
    DateTime,
    /// Dates and times, an internal extractor stage (`*Extractor`).
    DateTimeExtractor,
    /// Dates and times, an internal parser stage (`*Parser`).
    DateTimeParser,
    /// TIMEX strings resolved to dates (`Timex/`): results carry only a resolution.
    Timex,
}

impl Model {
    /// The model a spec file tests, from its path (`…/Number/English/PercentModel.json`).
    pub fn of_path(path: &Path) -> Option<Model> {
        let stem = path.file_stem()?.to_str()?;
        let family = path.parent()?.parent()?.file_name()?.to_str()?;
        Some(match family {
            "Number" if stem.starts_with("NumberRange") => Model::NumberRange,
            "Number" if stem.starts_with("Ordinal") => Model::Ordinal,
            "Number" if stem.starts_with("Percent") => Model::Percent,
            "Number" => Model::Number,
            "NumberWithUnit" if stem.starts_with("Currency") => Model::Currency,
            "NumberWithUnit" if stem.starts_with("Dimension") => Model::Dimension,
            "NumberWithUnit" if stem.starts_with("Age") => Model::Age,
            "NumberWithUnit" if stem.starts_with("Temperature") => Model::Temperature,
            "DateTime" if stem.ends_with("Extractor") || stem.contains("ExtractorSkip") => {
                Model::DateTimeExtractor
            }
            "DateTime" if stem.ends_with("Parser") => Model::DateTimeParser,
            "DateTime" => Model::DateTime,
            "Timex" => Model::Timex,
            _ => return None,
        })
    }
}

/// One expected (or found) result, in the spec's terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expected {
    /// `TypeName` (model files) or `Type` (extractor and parser files).
    pub type_name: String,
    /// First character.
    pub start: usize,
    /// Last character (inclusive).
    pub end: usize,
    /// The matched text.
    pub text: String,
    /// `Resolution` (model files) or `Value` (parser files); `Null` when absent.
    pub resolution: Value,
}

/// One test case.
#[derive(Debug, Clone)]
pub struct Case {
    /// The text to recognize.
    pub input: String,
    /// What must be found, in text order.
    pub results: Vec<Expected>,
    /// "Now" for relative times.
    pub reference: Option<DateTime>,
    /// Flagged `NotSupported`/`NotSupportedByDesign` for the reference .NET implementation.
    pub dotnet_fails: bool,
}

/// Pass counts over a set of cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Cases.
    pub cases: usize,
    /// Cases whose results have the same spans and types.
    pub extraction: usize,
    /// Cases that also resolve to the same values.
    pub resolution: usize,
}

impl Counts {
    fn add(&mut self, extraction: bool, resolution: bool) {
        self.cases += 1;
        self.extraction += usize::from(extraction);
        self.resolution += usize::from(resolution && extraction);
    }

    /// Resolution passes as a percentage of cases (100 for no cases).
    pub fn resolution_rate(&self) -> f64 {
        rate(self.resolution, self.cases)
    }

    /// Extraction passes as a percentage of cases.
    pub fn extraction_rate(&self) -> f64 {
        rate(self.extraction, self.cases)
    }
}

fn rate(n: usize, of: usize) -> f64 {
    if of == 0 {
        100.0
    } else {
        100.0 * n as f64 / of as f64
    }
}

/// A failed case, kept for inspection.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The input.
    pub input: String,
    /// What the spec expects.
    pub expected: Vec<Expected>,
    /// What factline found.
    pub found: Vec<Found>,
}

/// The score of one spec file.
#[derive(Debug, Clone, Serialize)]
pub struct FileScore {
    /// Path relative to the specs folder, with `/`.
    pub file: String,
    /// The recognizer it tests.
    pub model: Model,
    /// All cases.
    pub all: Counts,
    /// The cases the reference .NET implementation is expected to pass.
    pub dotnet: Counts,
    /// How many cases are flagged as failing on .NET (counted in `all`).
    pub flagged_dotnet: usize,
    /// Failed cases, in file order.
    #[serde(skip)]
    pub failures: Vec<Failure>,
}

/// Scores every `.json` spec file under `dir`.
pub fn run(dir: &Path) -> Result<Vec<FileScore>, ConformanceError> {
    let files = files_under(dir, ".json")?;
    let mut scores = Vec::new();
    for path in files {
        let Some(model) = Model::of_path(&path) else {
            continue;
        };
        let cases = read_cases(&path, model)?;
        let name = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let stage = path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(stage_type);
        scores.push(score_file(name, model, stage, &cases));
    }
    if scores.is_empty() {
        return Err(ConformanceError::Empty {
            path: dir.to_path_buf(),
            what: "spec file (…/Number|NumberWithUnit|DateTime/<lang>/*.json)",
        });
    }
    Ok(scores)
}

/// The one result type a DateTime extractor or parser file tests, from its name
/// (`DatePeriodParser` → `daterange`); `None` for model files and the merged stage.
pub fn stage_type(stem: &str) -> Option<&'static str> {
    let stage = stem
        .strip_suffix("Extractor")
        .or_else(|| stem.strip_suffix("Parser"))?;
    Some(match stage {
        "DatePeriod" => "daterange",
        "DateTimePeriod" => "datetimerange",
        "DateTime" => "datetime",
        "Date" | "Holiday" => "date",
        "TimePeriod" => "timerange",
        "Time" => "time",
        "Duration" => "duration",
        "Set" => "set",
        "TimeZone" => "timezone",
        _ => return None,
    })
}

/// Scores one file's cases; `stage` keeps only results of that type (a stage file tests one
/// extractor, as upstream runs them).
pub fn score_file(file: String, model: Model, stage: Option<&str>, cases: &[Case]) -> FileScore {
    // Upstream runs `*TasksMode` files with .NET's TasksMode, which leaves seasons out.
    let tasks_mode = file.contains("TasksMode");
    let split_date_and_time = file.contains("SplitDateAndTime");
    let mut all = Counts::default();
    let mut dotnet = Counts::default();
    let mut failures = Vec::new();
    for case in cases {
        let mut found =
            adapt::recognize_in_mode(model, &case.input, case.reference, split_date_and_time);
        if let Some(kind) = stage {
            found.retain(|f| f.type_name == kind);
        }
        if tasks_mode {
            found.retain(|f| !adapt::is_season(f));
        }
        let (extraction, resolution) = judge(model, &case.results, &found);
        all.add(extraction, resolution);
        if !case.dotnet_fails {
            dotnet.add(extraction, resolution);
        }
        if !(extraction && resolution) {
            failures.push(Failure {
                input: case.input.clone(),
                expected: case.results.clone(),
                found,
            });
        }
    }
    FileScore {
        file,
        model,
        all,
        dotnet,
        flagged_dotnet: cases.iter().filter(|c| c.dotnet_fails).count(),
        failures,
    }
}

/// Reads a spec file (a JSON array of cases; a leading BOM is allowed).
pub fn read_cases(path: &Path, model: Model) -> Result<Vec<Case>, ConformanceError> {
    let bytes = std::fs::read(path).map_err(|source| ConformanceError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let json: Value = serde_json::from_slice(bytes).map_err(|source| ConformanceError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    let schema = |place: String, what: &str| ConformanceError::Schema {
        path: path.to_path_buf(),
        place,
        what: what.to_string(),
    };
    let Value::Array(items) = json else {
        return Err(schema("top level".into(), "expected an array of cases"));
    };
    items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            parse_case(item, model).map_err(|what| schema(format!("case {}", n + 1), what))
        })
        .collect()
}

fn parse_case(item: &Value, model: Model) -> Result<Case, &'static str> {
    let input = item
        .get("Input")
        .and_then(Value::as_str)
        .ok_or("no string \"Input\"")?;
    let results = item
        .get("Results")
        .and_then(Value::as_array)
        .ok_or("no array \"Results\"")?
        .iter()
        .map(|r| match model {
            Model::Timex => Ok(whole_input(input, r)),
            _ => parse_result(r),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let reference = match item.pointer("/Context/ReferenceDateTime") {
        Some(v) => Some(
            v.as_str()
                .and_then(|s| s.parse::<DateTime>().ok())
                .ok_or("\"ReferenceDateTime\" is not a date-time")?,
        ),
        None => None,
    };
    let flagged = |key: &str| {
        item.get(key).and_then(Value::as_str).is_some_and(|s| {
            s.split(',')
                .any(|p| p.trim().eq_ignore_ascii_case("dotnet"))
        })
    };
    Ok(Case {
        input: input.to_string(),
        results,
        reference,
        dotnet_fails: flagged("NotSupported") || flagged("NotSupportedByDesign"),
    })
}

/// A field by name, ignoring case (`TypeName` is sometimes spelled `Typename`).
fn field<'v>(v: &'v Value, name: &str) -> Option<&'v Value> {
    v.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// A `Timex/` result: the resolution of the whole input.
fn whole_input(input: &str, v: &Value) -> Expected {
    Expected {
        type_name: String::new(),
        start: 0,
        end: input.chars().count().saturating_sub(1),
        text: input.to_string(),
        resolution: field(v, "Resolution").cloned().unwrap_or(Value::Null),
    }
}

fn parse_result(v: &Value) -> Result<Expected, &'static str> {
    let text = field(v, "Text")
        .and_then(Value::as_str)
        .ok_or("result without \"Text\"")?;
    let type_name = field(v, "TypeName")
        .or_else(|| field(v, "Type"))
        .and_then(Value::as_str)
        .ok_or("result without \"TypeName\"/\"Type\"")?;
    let as_usize = |k: &str| {
        field(v, k)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    let start = as_usize("Start").ok_or("result without \"Start\"")?;
    let end = match (as_usize("End"), as_usize("Length")) {
        (Some(end), _) => end,
        (None, Some(len)) => (start + len).saturating_sub(1),
        (None, None) => return Err("result without \"End\" or \"Length\""),
    };
    let resolution = field(v, "Resolution")
        .or_else(|| field(v, "Value"))
        .cloned()
        .unwrap_or(Value::Null);
    Ok(Expected {
        type_name: type_name.to_string(),
        start,
        end,
        text: text.to_string(),
        resolution,
    })
}

/// Judges one case: (extraction pass, resolution pass).
pub fn judge(model: Model, expected: &[Expected], found: &[Found]) -> (bool, bool) {
    if expected.len() != found.len() {
        return (false, false);
    }
    let mut extraction = true;
    let mut resolution = true;
    for (e, f) in expected.iter().zip(found) {
        let same_span = e.start == f.start
            && e.end == f.end
            && e.text.to_lowercase() == f.text.to_lowercase()
            && e.type_name == f.type_name;
        extraction &= same_span;
        resolution &= same_span && same_resolution(model, &e.resolution, &f.resolution);
    }
    (extraction, resolution)
}

/// Whether two resolutions agree under the model's rule (see the conformance README).
fn same_resolution(model: Model, expected: &Value, found: &Value) -> bool {
    match model {
        Model::Number | Model::Percent | Model::NumberRange => {
            same_number(expected.get("value"), found.get("value"))
        }
        Model::Ordinal => {
            same_number(expected.get("offset"), found.get("offset"))
                && expected.get("relativeTo") == found.get("relativeTo")
        }
        Model::Currency => same_money(expected, found),
        Model::Dimension | Model::Age | Model::Temperature => {
            same_number(expected.get("value"), found.get("value"))
                && lower(expected.get("unit")) == lower(found.get("unit"))
        }
        Model::DateTime | Model::Timex => expected.get("values") == found.get("values"),
        Model::DateTimeExtractor => true,
        Model::DateTimeParser => same_parse(expected, found),
    }
}

fn lower(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_lowercase)
}

/// Parses a spec number: "1E-12", "-1.2732E+15", "0.0476190476190476", "15%"; `None` for
/// null, "null" and anything else.
pub fn spec_number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::String(s) => s.trim_end_matches('%').parse().ok(),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

/// Numbers agree to .NET's 15 significant digits; "no value" only matches "no value".
fn same_number(expected: Option<&Value>, found: Option<&Value>) -> bool {
    match (spec_number(expected), spec_number(found)) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300),
        (None, None) => true,
        _ => false,
    }
}

/// Money: equal value; the ISO code when the spec gives one, else the unit family ("Dollar"
/// matches any dollar): the lenient rule the README allows, stated beside the score.
fn same_money(expected: &Value, found: &Value) -> bool {
    if !same_number(expected.get("value"), found.get("value")) {
        return false;
    }
    if let Some(iso) = expected.get("isoCurrency").and_then(Value::as_str) {
        return found.get("isoCurrency").and_then(Value::as_str) == Some(iso);
    }
    let (Some(unit), Some(ours)) = (lower(expected.get("unit")), lower(found.get("unit"))) else {
        return false;
    };
    ours == unit || ours.split(' ').any(|w| w == unit)
}

/// Parser files: the same TIMEX, future and past resolutions and `Mod`.
fn same_parse(expected: &Value, found: &Value) -> bool {
    if expected.get("values").is_some() {
        return expected.get("values") == found.get("values");
    }
    ["Timex", "FutureResolution", "PastResolution", "Mod"]
        .iter()
        .all(|k| expected.get(k) == found.get(k))
}

/// All files' counts added up per model (the figures the bar is set on use single files).
pub fn total(scores: &[FileScore]) -> Counts {
    scores.iter().fold(Counts::default(), |mut t, s| {
        t.cases += s.all.cases;
        t.extraction += s.all.extraction;
        t.resolution += s.all.resolution;
        t
    })
}

/// The table printed by `factline conformance`.
pub fn table(scores: &[FileScore]) -> String {
    let mut out = format!(
        "{:<55} {:>6} {:>8} {:>8} {:>8} {:>8}\n",
        "spec file", "cases", "extract%", "resolve%", ".NET-ok", "resolve%"
    );
    for s in scores {
        out.push_str(&format!(
            "{:<55} {:>6} {:>8.1} {:>8.1} {:>8} {:>8.1}\n",
            s.file,
            s.all.cases,
            s.all.extraction_rate(),
            s.all.resolution_rate(),
            s.dotnet.cases,
            s.dotnet.resolution_rate(),
        ));
    }
    let t = total(scores);
    out.push_str(&format!(
        "{:<55} {:>6} {:>8.1} {:>8.1}\n",
        "all files",
        t.cases,
        t.extraction_rate(),
        t.resolution_rate()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn expected(type_name: &str, start: usize, text: &str, resolution: Value) -> Expected {
        Expected {
            type_name: type_name.into(),
            start,
            end: start + text.chars().count() - 1,
            text: text.into(),
            resolution,
        }
    }

    #[test]
    fn models_follow_folder_and_name() {
        let m = |p: &str| Model::of_path(Path::new(p));
        assert_eq!(
            m("Specs/Number/English/PercentModel.json"),
            Some(Model::Percent)
        );
        assert_eq!(
            m("Specs/Number/English/NumberModelExperimentalMode.json"),
            Some(Model::Number)
        );
        assert_eq!(
            m("Specs/NumberWithUnit/English/CurrencyModel.json"),
            Some(Model::Currency)
        );
        assert_eq!(
            m("Specs/DateTime/English/MergedExtractorSkipFromTo.json"),
            Some(Model::DateTimeExtractor)
        );
        assert_eq!(
            m("Specs/DateTime/English/DateParser.json"),
            Some(Model::DateTimeParser)
        );
        assert_eq!(m("Specs/Choice/English/BooleanModel.json"), None);
        assert_eq!(stage_type("DatePeriodParser"), Some("daterange"));
        assert_eq!(stage_type("DateTimePeriodExtractor"), Some("datetimerange"));
        assert_eq!(stage_type("MergedExtractor"), None);
    }

    #[test]
    fn results_read_either_spelling_and_length_or_end() {
        let r = parse_result(&json!({"Text": "ab", "Typename": "x", "Start": 3, "Length": 2}))
            .expect("parses");
        assert_eq!((r.type_name.as_str(), r.start, r.end), ("x", 3, 4));
        assert!(parse_result(&json!({"Text": "ab", "Start": 3, "End": 4})).is_err());
    }

    #[test]
    fn dotnet_flags_are_split_trimmed_and_case_blind() {
        let case = parse_case(
            &json!({"Input": "x", "Results": [], "NotSupported": "javascript, DotNet"}),
            Model::Number,
        )
        .expect("parses");
        assert!(case.dotnet_fails);
        let case = parse_case(
            &json!({"Input": "x", "Results": [], "NotSupported": "python"}),
            Model::Number,
        )
        .expect("parses");
        assert!(!case.dotnet_fails);
    }

    #[test]
    fn numbers_compare_numerically_not_as_strings() {
        let e = [expected(
            "number",
            0,
            "1/3",
            json!({"value": "0.333333333333333"}),
        )];
        let f = [Found::new(
            "number",
            0,
            "1/3",
            json!({"value": "0.3333333333333333"}),
        )];
        assert_eq!(judge(Model::Number, &e, &f), (true, true));
        let f = [Found::new("number", 0, "1/3", json!({"value": "0.34"}))];
        assert_eq!(judge(Model::Number, &e, &f), (true, false));
    }

    #[test]
    fn a_wrong_span_fails_extraction_and_resolution() {
        let e = [expected("number", 1, "12", json!({"value": "12"}))];
        let f = [Found::new("number", 0, "12", json!({"value": "12"}))];
        assert_eq!(judge(Model::Number, &e, &f), (false, false));
        assert_eq!(judge(Model::Number, &e, &[]), (false, false));
        assert_eq!(judge(Model::Number, &[], &[]), (true, true));
    }

    #[test]
    fn money_uses_iso_when_given_and_the_unit_family_otherwise() {
        let found = json!({"value": "5", "unit": "Canadian Dollar", "isoCurrency": "CAD"});
        assert!(same_money(&json!({"value": "5", "unit": "Dollar"}), &found));
        assert!(same_money(
            &json!({"value": "5", "unit": "Canadian dollar", "isoCurrency": "CAD"}),
            &found
        ));
        assert!(!same_money(
            &json!({"value": "5", "unit": "United States dollar", "isoCurrency": "USD"}),
            &found
        ));
        assert!(!same_money(&json!({"value": "5", "unit": "Pound"}), &found));
    }
}
