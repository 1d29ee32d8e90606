//! The types that pass between factline's stages: documents, spans, entities, quantities,
//! times and claims. This module depends on nothing else in the crate; every stage reads and
//! writes these types, and every normalized value keeps the span of text it came from so a
//! claim can always quote its sentence.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's cleaned text.
///
/// Stages work in bytes; the `extract` output converts to character offsets at the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Where a document came from, as read by `ingest` before any cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDocument {
    /// Stable document id: the JSON `id`, else the file name without its extensions.
    pub id: String,
    /// Path (and line, for JSON Lines) the document was read from.
    pub origin: String,
    /// Title given by metadata, if any.
    pub title: Option<String>,
    /// Publication date as stated by metadata (`<meta>`, `<time>`, JSON `date`), unparsed.
    pub published: Option<String>,
    /// Main text, one block (paragraph, heading, list item) per line.
    pub text: String,
    /// Whether the first line of `text` is the title (plain text and Markdown).
    pub title_in_text: bool,
    /// URL, when the input names one.
    pub url: Option<String>,
}

/// How a document's publication date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedSource {
    /// Metadata or a dateline/"Published" line in the article.
    Stated,
    /// Guessed from the dates the article mentions.
    Inferred,
    /// Given by the user (`--published`).
    Given,
}

impl PublishedSource {
    /// The name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedSource::Stated => "stated",
            PublishedSource::Inferred => "inferred",
            PublishedSource::Given => "given",
        }
    }

    /// Parses the name written by [`PublishedSource::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "stated" => Some(PublishedSource::Stated),
            "inferred" => Some(PublishedSource::Inferred),
            "given" => Some(PublishedSource::Given),
            _ => None,
        }
    }
}

/// A document's publication date with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    /// The date.
    pub date: jiff::civil::Date,
    /// How it was found.
    pub source: PublishedSource,
    /// Confidence in [0, 1]; 1 for stated and given dates.
    pub confidence: f64,
    /// The text that supports the date (metadata field, dateline, or mentioned dates).
    pub evidence: String,
}

/// A document after `clean`: boilerplate removed, with a map back to the raw text.
#[derive(Debug, Clone)]
pub struct CleanDocument {
    /// The raw document this came from (its text is the uncleaned text).
    pub raw: RawDocument,
    /// Title (from metadata, or the first meaningful line).
    pub title: Option<String>,
    /// Cleaned text: kept lines joined by `\n`.
    pub text: String,
    /// For each kept line: (offset in cleaned text, offset in raw text, length in bytes).
    pub offsets: Vec<(usize, usize, usize)>,
    /// Lines dropped as boilerplate, with the rule that dropped them.
    pub dropped: Vec<(String, &'static str)>,
}

impl CleanDocument {
    /// Maps a byte offset in the cleaned text back to the raw text.
    pub fn raw_offset(&self, clean: usize) -> usize {
        let i = self.offsets.partition_point(|&(c, _, _)| c <= clean);
        match i.checked_sub(1).and_then(|j| self.offsets.get(j)) {
            Some(&(c, r, _)) => r + (clean - c),
            None => clean,
        }
    }
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A country, identified by its ISO 3166-1 alpha-2 code.
    Country,
    /// An organisation.
    Org,
    /// A person.
    Person,
    /// A city or region.
    Place,
}

impl EntityKind {
    /// The name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Org => "org",
            EntityKind::Person => "person",
            EntityKind::Place => "place",
        }
    }
}

/// How an entity mention names its entity; demonyms and capitals are weaker evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// The entity's name or an alternative name.
    Name,
    /// An adjective or demonym ("Polish", "Emirati").
    Demonym,
    /// A capital used as a metonym ("Warsaw said").
    Capital,
    /// A shorter name given earlier in full: a surname alone, "Mr Fiala", an acronym.
    Alias,
    /// A role without a name ("the Czech prime minister"); the id names the role.
    Role,
}

impl MentionForm {
    /// Every form, for reading them back by name.
    pub const ALL: [MentionForm; 5] = [
        MentionForm::Name,
        MentionForm::Demonym,
        MentionForm::Capital,
        MentionForm::Alias,
        MentionForm::Role,
    ];

    /// The form named `name` ([`MentionForm::as_str`]).
    pub fn parse(name: &str) -> Option<MentionForm> {
        Self::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// The name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionForm::Name => "name",
            MentionForm::Demonym => "demonym",
            MentionForm::Capital => "capital",
            MentionForm::Alias => "alias",
            MentionForm::Role => "role",
        }
    }
}

/// A mention of an entity in the cleaned text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Stable id: ISO alpha-2 code for countries, `geo:…` for places (GeoNames id),
    /// `person:…` and `org:…` (the full name folded to a slug), `role:CC:…` for a role
    /// named without its holder.
    pub id: String,
    /// Kind of entity.
    pub kind: EntityKind,
    /// How it is named.
    pub form: MentionForm,
    /// Where it is mentioned.
    pub span: Span,
    /// The full name, when the mention is shorter ("Fiala" → "Petr Fiala"); for countries
    /// `None`.
    pub name: Option<String>,
    /// A person's role or title stated with the mention ("Prime Minister").
    pub role: Option<String>,
    /// The country a place lies in, a role or an organisation belongs to.
    pub country: Option<String>,
}

impl Entity {
    /// A country mention.
    pub fn country(id: &str, form: MentionForm, span: Span) -> Self {
        Entity {
            id: id.to_string(),
            kind: EntityKind::Country,
            form,
            span,
            name: None,
            role: None,
            country: None,
        }
    }
}

/// Whether a stated value is exact or a bound on the real value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// Stated as is.
    Exact,
    /// The real value is at least this ("more than", "topped").
    Lower,
    /// The real value is at most this ("almost", "up to").
    Upper,
    /// The value is approximate ("about", "some").
    Approx,
}

impl Bound {
    /// The name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Lower => "lower",
            Bound::Upper => "upper",
            Bound::Approx => "approx",
        }
    }
}

/// A number with its unit, as stated in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Where it is stated: number and unit, without the qualifier ("more than").
    pub span: Span,
    /// The value, scale words applied ("2.5 million" → 2_500_000).
    pub amount: f64,
    /// ISO 4217 code, `percent`, `count`, or a physical unit symbol; `None` for a bare number.
    pub unit: Option<String>,
    /// Qualifier-derived bound.
    pub bound: Bound,
    /// For counts: the noun counted ("firms").
    pub concept: Option<String>,
    /// For ranges: which end of "between X and Y" this is.
    pub range: Option<RangeEnd>,
}

/// Which end of a stated range a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RangeEnd {
    /// The lower end ("between **3** and 5").
    Low,
    /// The upper end ("between 3 and **5**").
    High,
}

/// A time expression resolved to an interval of days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeExpr {
    /// Where it is stated.
    pub span: Span,
    /// First day of the period.
    pub start: jiff::civil::Date,
    /// Last day of the period (inclusive).
    pub end: jiff::civil::Date,
    /// True when resolving needed the publication date ("last year").
    pub relative: bool,
    /// True for future-pointing phrases such as "by 2030".
    pub deadline: bool,
    /// The TIMEX3 value: `2024`, `2024-05`, `2024-Q2`, `2024-W19`, `2024-05-07`,
    /// `2024-05-07T16:00`, `2024-05-07TMO`; for "since 2018" the value of 2018.
    pub timex: String,
}

/// What kind of time a [`TimeMention`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeMentionKind {
    /// A length of time ("six months").
    Duration,
    /// A recurrence ("annual", "every week").
    Set,
    /// A reference to the present, past or future ("currently", "recently", "later").
    Reference,
    /// A part of the day or a meal with no day named ("in the morning", "before lunch").
    DayPart,
    /// A moment less than a day from now, `seconds` after it (before it when negative): "in 5
    /// minutes", "half an hour from now", "30 minutes later" said of what is to come.
    Offset,
    /// The stretch between now and `seconds` after it (before it when negative), shorter than
    /// a day: "within 2h", "the next hour", "the 13 last minutes".
    Window,
}

/// A time expression that is not an interval of days: durations, sets, references and parts
/// of a day not named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeMention {
    /// Where it is stated.
    pub span: Span,
    /// Duration, set, reference or part of a day.
    pub kind: TimeMentionKind,
    /// The TIMEX3 value (`P6M`, `PXY`, `P1W`, `PRESENT_REF`, `TMO`).
    pub timex: String,
    /// A duration's length in seconds, when fixed (a month counts 30 days); for an offset or
    /// a window, signed: before now when negative.
    pub seconds: Option<f64>,
}

/// A sentence of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
}

/// Everything recognized in one document: the output of `analyze`.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Entity mentions in text order.
    pub entities: Vec<Entity>,
    /// Quantities in text order (years and dates excluded).
    pub quantities: Vec<Quantity>,
    /// Time expressions in text order.
    pub times: Vec<TimeExpr>,
    /// Durations, sets and references to now, in text order (none inside a time expression).
    pub time_mentions: Vec<TimeMention>,
}

/// Whether a claim reports what is, what is aimed at, planned or forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// A reported actual value.
    Actual,
    /// A goal or ambition to reach a value.
    Target,
    /// An announced future investment, agreement or spending.
    Plan,
    /// A projection or expectation.
    Forecast,
}

impl Modality {
    /// The name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Actual => "actual",
            Modality::Target => "target",
            Modality::Plan => "plan",
            Modality::Forecast => "forecast",
        }
    }
}

/// A quantified statement: an indicator's value for some subjects at some time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Indicator key from the ontology ("trade_volume").
    pub indicator: String,
    /// What the figure is of, when it is one good or sector ("coffee", "crude oil");
    /// `None` for a total.
    pub product: Option<String>,
    /// Entity ids involved, sorted.
    pub subjects: Vec<String>,
    /// Origin of a flow (exporter, investor, students' home country).
    pub from: Option<String>,
    /// Destination of a flow.
    pub to: Option<String>,
    /// The value.
    pub value: Quantity,
    /// The period the value refers to.
    pub time: Option<ClaimTime>,
    /// Actual, target, plan or forecast.
    pub modality: Modality,
    /// The sentence the claim comes from.
    pub sentence: Span,
}

/// The time a claim refers to, with the expression it came from (if any).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimTime {
    /// First day.
    pub start: jiff::civil::Date,
    /// Last day (inclusive).
    pub end: jiff::civil::Date,
    /// The time expression, or `None` when the publication date was used.
    pub span: Option<Span>,
}

/// What kind of thing happened, named after the CAMEO/PLOVER event vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    /// Someone went to a country or place (CAMEO 042 "make a visit"; PLOVER CONSULT).
    Visit,
    /// Parties met or held talks (CAMEO 040/044; PLOVER CONSULT).
    Meeting,
    /// An agreement, memorandum or treaty was signed (CAMEO 057; PLOVER AGREE).
    Agreement,
    /// Relations, an embassy, council or organisation was established (CAMEO 050, 064;
    /// PLOVER COOPERATE).
    Establishment,
    /// A state or claim was recognised (CAMEO 054; PLOVER COOPERATE).
    Recognition,
    /// An award, prize or honour was given (CAMEO 051 "praise or endorse"; PLOVER SUPPORT).
    Award,
    /// An intention or goal was stated (CAMEO 030 "express intent to cooperate"; PLOVER
    /// AGREE).
    Statement,
}

impl EventType {
    /// Every type, in the order the output lists them.
    pub const ALL: [EventType; 7] = [
        EventType::Visit,
        EventType::Meeting,
        EventType::Agreement,
        EventType::Establishment,
        EventType::Recognition,
        EventType::Award,
        EventType::Statement,
    ];

    /// The name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Visit => "visit",
            EventType::Meeting => "meeting",
            EventType::Agreement => "agreement",
            EventType::Establishment => "establishment",
            EventType::Recognition => "recognition",
            EventType::Award => "award",
            EventType::Statement => "statement",
        }
    }

    /// Parses the name written by [`EventType::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The CAMEO code the type corresponds to.
    pub fn cameo(self) -> &'static str {
        match self {
            EventType::Visit => "042",
            EventType::Meeting => "040",
            EventType::Agreement => "057",
            EventType::Establishment => "050",
            EventType::Recognition => "054",
            EventType::Award => "051",
            EventType::Statement => "030",
        }
    }
}

/// Something that happened, as one sentence reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// What happened.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Who took part: entity ids of people, organisations and countries, in text order.
    pub participants: Vec<String>,
    /// Where it happened, or where a visit went: a place or country id.
    pub place: Option<String>,
    /// The mention of the place ("Berlin" for DE).
    pub place_span: Option<Span>,
    /// Every country involved: participants, the countries of people, organisations and
    /// the place; sorted.
    pub countries: Vec<String>,
    /// When it happened (the publication date when the sentence names no time).
    pub time: Option<ClaimTime>,
    /// What was signed, established, recognised or awarded, or what was intended, as
    /// written ("a memorandum on energy cooperation").
    pub object: Option<Span>,
    /// How many ("signed three agreements").
    pub count: Option<f64>,
    /// Its number in a series ("the third meeting of the joint commission").
    pub ordinal: Option<u32>,
    /// Announced, not yet happened when the article appeared ("will visit", "next week's
    /// summit").
    pub planned: bool,
    /// The words that say what happened ("visited", "signed").
    pub trigger: Span,
    /// The sentence it comes from.
    pub sentence: Span,
}

/// A document fully read: cleaned text, publication date, analysis and claims.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The cleaned document.
    pub doc: CleanDocument,
    /// Publication date, if any is supported.
    pub published: Option<Published>,
    /// What was recognized.
    pub analysis: Analysis,
    /// Claims joined from the analysis.
    pub claims: Vec<Claim>,
    /// Events the sentences report.
    pub events: Vec<Event>,
}

/// What a stored document's text holds when read again (for `show`): the analysis, claims
/// and events, without the cleaning and dating that were done at ingest.
#[derive(Debug, Clone)]
pub struct Findings {
    /// Entities, quantities and times.
    pub analysis: Analysis,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Events.
    pub events: Vec<Event>,
}

/// Converts byte offsets of one text to character offsets (what users and the JSON output
/// count), in O(1) for ASCII text and O(log n) otherwise.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offsets of every non-ASCII character, in order; empty for ASCII text.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                let len = c.len_utf8();
                if len > 1 {
                    extra += len - 1;
                    wide.push((i + len, extra));
                }
            }
        }
        CharIndex { wide }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_at(&self, byte: usize) -> usize {
        let k = self.wide.partition_point(|&(end, _)| end <= byte);
        match k.checked_sub(1).and_then(|j| self.wide.get(j)) {
            Some(&(_, extra)) => byte - extra,
            None => byte,
        }
    }

    /// Both ends of a span as character offsets.
    pub fn span(&self, span: Span) -> [usize; 2] {
        [self.char_at(span.start), self.char_at(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_characters_not_bytes() {
        let text = "€5 and Česko 7";
        let idx = CharIndex::new(text);
        let byte = text.find('7').unwrap_or(0);
        assert_eq!(
            idx.char_at(byte),
            text.chars().position(|c| c == '7').unwrap_or(0)
        );
        assert_eq!(idx.char_at(0), 0);
        assert_eq!(CharIndex::new("abc").char_at(2), 2);
    }

    #[test]
    fn entity_kind_names_match_the_json_output() {
        for kind in [
            EntityKind::Country,
            EntityKind::Org,
            EntityKind::Person,
            EntityKind::Place,
        ] {
            let json = serde_json::to_value(kind).expect("serializes");
            assert_eq!(json.as_str(), Some(kind.as_str()));
        }
    }
}

/// A document as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    /// Document id.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`), if any.
    pub published: Option<String>,
    /// `stated`, `inferred` or `given`.
    pub published_source: Option<String>,
    /// Where it was read from.
    pub origin: String,
    /// Number of claims.
    pub claims: usize,
}

/// A claim as stored, with its source document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredClaim {
    /// Source document id.
    pub doc: String,
    /// Source document's publication date.
    pub published: Option<String>,
    /// Indicator key.
    pub indicator: String,
    /// What the figure is of ("coffee"); `None` for a total.
    pub product: Option<String>,
    /// Entity ids.
    pub subjects: Vec<String>,
    /// Flow origin.
    pub from: Option<String>,
    /// Flow destination.
    pub to: Option<String>,
    /// Value.
    pub amount: f64,
    /// Unit.
    pub unit: Option<String>,
    /// Bound.
    pub bound: String,
    /// Counted noun.
    pub concept: Option<String>,
    /// The value as written.
    pub value_text: String,
    /// Period start.
    pub time_start: Option<String>,
    /// Period end.
    pub time_end: Option<String>,
    /// The time expression as written.
    pub time_text: Option<String>,
    /// Modality.
    pub modality: String,
    /// The sentence quoted.
    pub quote: String,
    /// Character span of the value in the document's cleaned text.
    pub span: [usize; 2],
    /// Character span of the quoted sentence in the document's cleaned text.
    pub sentence: [usize; 2],
}

impl StoredClaim {
    /// The last day of a goal's time when it lies after the article was published ("by
    /// 2030"): a deadline. A time already past when the article appeared ("plans announced
    /// on Friday") says when the goal stood, not when it is due; it gives `None`.
    pub fn deadline(&self) -> Option<&str> {
        let end = self.time_end.as_deref()?;
        match self.published.as_deref() {
            Some(published) if end <= published => None,
            _ => Some(end),
        }
    }
}

/// An event as stored, with its source document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// Source document id.
    pub doc: String,
    /// Source document's publication date.
    pub published: Option<String>,
    /// Event type (`visit`, `meeting`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// Participants in text order: entity id and the name the article gives it (none for
    /// countries).
    pub participants: Vec<(String, Option<String>)>,
    /// Place or country id where it happened.
    pub place: Option<String>,
    /// The place's name as written.
    pub place_name: Option<String>,
    /// Countries involved.
    pub countries: Vec<String>,
    /// First day.
    pub time_start: Option<String>,
    /// Last day.
    pub time_end: Option<String>,
    /// The time expression as written, `None` when the publication date stood in.
    pub time_text: Option<String>,
    /// What was signed, established, awarded or intended, as written.
    pub object: Option<String>,
    /// How many.
    pub count: Option<f64>,
    /// Number in a series of meetings.
    pub ordinal: Option<u32>,
    /// Announced, not yet happened when the article appeared.
    pub planned: bool,
    /// The words that say what happened.
    pub trigger: String,
    /// The sentence quoted.
    pub quote: String,
    /// Character span of the sentence in the document's cleaned text.
    pub span: [usize; 2],
}

/// A person mention as stored, with its document's date: what cross-document linking reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredMention {
    /// Source document id.
    pub doc: String,
    /// Source document's publication date.
    pub published: Option<jiff::civil::Date>,
    /// The id the document gave it (`person:…` or `role:CC:…`).
    pub id: String,
    /// How it was named.
    pub form: MentionForm,
    /// The name as written ("Reagan", "Ronald Reagan"); none for a role alone.
    pub name: Option<String>,
    /// The role that went with it ("President").
    pub role: Option<String>,
    /// The role's country.
    pub country: Option<String>,
}

/// Why a mention id stands for a person named in full elsewhere in the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkBasis {
    /// A surname alone ("President Reagan") that only one fully named person bears.
    Surname,
    /// A role without a name ("the Czech president") and the person the corpus shows
    /// holding it when the document was published.
    Role,
}

impl LinkBasis {
    /// Every basis, for parsing.
    pub const ALL: [LinkBasis; 2] = [LinkBasis::Surname, LinkBasis::Role];

    /// The basis named by [`as_str`](Self::as_str).
    pub fn parse(name: &str) -> Option<LinkBasis> {
        Self::ALL.into_iter().find(|b| b.as_str() == name)
    }

    /// The name used in output and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkBasis::Surname => "surname",
            LinkBasis::Role => "role",
        }
    }
}

/// In document `doc`, entity `alias` is the person `canonical` (named `name` in full).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityLink {
    /// The document where the alias appears.
    pub doc: String,
    /// The id the document gave the mention.
    pub alias: String,
    /// The fully named person's id.
    pub canonical: String,
    /// The person's full name.
    pub name: String,
    /// Why they are the same.
    pub basis: LinkBasis,
}

/// What a stored claim is within its reconciled series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The value the series takes for its period (or the current goal).
    Value,
    /// Another source's value for the same period, compatible with it.
    Agrees,
    /// The same figure said again by a later source: not new evidence.
    Repeats,
    /// Replaced by a newer figure (a revised actual, a raised or lowered goal).
    Superseded,
    /// Incompatible with another source's value for the same period.
    Conflicts,
    /// Orders of magnitude away from the rest of its series.
    Outlier,
}

/// One claim's place in a series: its role and the claim that role points to (the one it
/// agrees with, repeats, conflicts with, or was superseded by).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// Index of the claim in the slice that was reconciled.
    pub claim: usize,
    /// Its role.
    pub role: Role,
    /// The claim the role refers to.
    pub other: Option<usize>,
}

/// Whether the sources about one period agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// One figure, however many times it was said.
    Single,
    /// Several figures, all compatible within rounding and bounds.
    Agreed,
    /// An earlier estimate replaced by a later figure.
    Revised,
    /// Figures that cannot all be true.
    Conflict,
}

/// The actual values a series has for one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodValues {
    /// First day (`YYYY-MM-DD`).
    pub start: String,
    /// Last day.
    pub end: String,
    /// Whether the sources agree.
    pub verdict: Verdict,
    /// The claim taken as the period's value.
    pub value: usize,
    /// Every claim about the period, in publication order.
    pub readings: Vec<Reading>,
}

/// Claims of one indicator about the same subjects, direction and unit, reconciled: the
/// actual values period by period, and the goals (targets, plans, forecasts) in the order
/// they were stated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Indicator key.
    pub indicator: String,
    /// What every figure of the series is of; `None` for totals.
    pub product: Option<String>,
    /// Entity ids.
    pub subjects: Vec<String>,
    /// Flow origin.
    pub from: Option<String>,
    /// Flow destination.
    pub to: Option<String>,
    /// Unit shared by every claim of the series.
    pub unit: Option<String>,
    /// Actual values, in period order.
    pub periods: Vec<PeriodValues>,
    /// Targets, plans and forecasts, in publication order; the current target has role
    /// `Value`, the ones it replaced `Superseded`.
    pub goals: Vec<Reading>,
}
