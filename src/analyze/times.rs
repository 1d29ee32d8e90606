//! Times: years, months, dates in common formats, day ranges ("3-4 June 2019"), quarters and
//! halves ("the second half of 2024"), year ranges, decades, and relative expressions ("last
//! year", "two decades ago", "over the past 12 years", "since 2018", "on Tuesday").
//!
//! Recognition ([`scan`]) needs no publication date: relative expressions are kept as
//! [`When::Relative`] and turned into intervals by [`resolve`] once the date is known (the
//! publication-date stage itself uses the absolute ones as evidence).

use super::numbers::{number_at, ordinal, ordinal_word};
use super::tokens::{Kind, Token};
use crate::model::{Span, TimeExpr, TimeMention, TimeMentionKind};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// What a time expression refers to, before the publication date is applied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum When {
    /// A fixed interval of days.
    Fixed(Date, Date),
    /// Needs the publication date.
    Relative(Rel),
    /// From the first time to the second, each stated on its own ("from next Friday to
    /// October 1 2020", "between January 2019 and today").
    Between(End, End),
    /// This many months and days after a day stated on its own ("3 days after January
    /// 12th", "two weeks before May 13 1999"; negative before); with a weekday, that weekday
    /// in the Sunday–Saturday week of the day reached ("Monday two weeks from now", "3 weeks
    /// after Christmas on Friday"), as the Recognizers-Text specs count it.
    Shifted(End, i32, i32, Option<Weekday>),
    /// From a day stated on its own for this many months and days ("for 12 months from
    /// April 1", "for 3 days from today").
    Lasting(End, i32, i32),
    /// Week `n` (Monday–Sunday) of a month or year, the one holding its `n`th Thursday (as
    /// ISO numbers a year's weeks); `-1` the last, `0` the week holding a day ("the first week
    /// of March", "the last week of 2016", "the week of April 10th").
    WeekOf(End, i8),
    /// A part of a period stated on its own ("early 2024", "mid-March", "late last year",
    /// "the end of the month").
    Part(End, Part),
    /// Whole units at the start or end of a period stated on its own ("the first nine months
    /// of 1986", "the last three weeks of this year", "the third month of 2021").
    Slice(End, Slice),
}

/// Which whole units of a period a [`When::Slice`] names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slice {
    /// Counted back from the period's end ("the last three months").
    pub from_end: bool,
    /// Units passed over first ("the third month": two).
    pub skip: u16,
    /// Units named.
    pub count: u16,
    /// Days, weeks or months.
    pub unit: SliceUnit,
}

/// The unit of a [`Slice`]; a quarter is three months, a year twelve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SliceUnit {
    /// Days from the period's first (or last) day.
    Day,
    /// Monday–Sunday weeks from the period's first (or last) week, as [`week_in`] counts them.
    Week,
    /// Calendar months.
    Month,
}

/// Which part of a period a time names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part {
    /// "early", "the beginning of", "the start of": the first third.
    Early,
    /// "mid", "the middle of": the middle third.
    Middle,
    /// "late": the last third.
    Late,
    /// "the end of": the last quarter of a year, else the last third.
    Final,
}

/// One end of a [`When::Between`]: what a time stated alone refers to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum End {
    /// A fixed interval of days.
    Fixed(Date, Date),
    /// Needs the publication date.
    Relative(Rel),
}

impl End {
    /// The end a single time makes; a range or a shifted time is no end of another.
    fn of(when: When) -> Option<End> {
        match when {
            When::Fixed(s, e) => Some(End::Fixed(s, e)),
            When::Relative(rel) => Some(End::Relative(rel)),
            When::Between(..)
            | When::Shifted(..)
            | When::Lasting(..)
            | When::WeekOf(..)
            | When::Part(..)
            | When::Slice(..) => None,
        }
    }

    /// Whether it is relative, so resolving it takes the publication date.
    pub fn needs_publication(self) -> bool {
        matches!(self, End::Relative(_))
    }

    /// Whether it is longer than a day and so has parts: a year, month, week, quarter, half,
    /// season or decade.
    fn is_period(self) -> bool {
        match self {
            End::Fixed(s, e) => s < e,
            End::Relative(rel) => matches!(
                rel,
                Rel::Years(_)
                    | Rel::Months(_)
                    | Rel::Weeks(_)
                    | Rel::Quarters(_)
                    | Rel::Month(_)
                    | Rel::MonthOfYear(..)
                    | Rel::MonthIn(..)
                    | Rel::ComingMonth(_)
                    | Rel::Quarter(..)
                    | Rel::Half(..)
                    | Rel::Season(..)
            ),
        }
    }

    /// A day or month with no year or weekday ("October 1", "May", "Friday").
    pub fn is_undated(self) -> bool {
        matches!(
            self,
            End::Relative(
                Rel::MonthDay(..) | Rel::Month(_) | Rel::Weekday(_, 0) | Rel::ComingWeekday(_)
            )
        )
    }
}

/// The Monday of week `n` of the days `start..=end`: the week holding their `n`th Thursday,
/// or their last (`n` = -1), or the week holding `start` (`n` = 0).
pub fn week_in(start: Date, end: Date, n: i8) -> Option<Date> {
    let thursday = match n {
        0 => return monday_of(start),
        -1 => {
            let back = (7 + end.weekday().to_monday_zero_offset() - 3) % 7;
            end.checked_sub(i64::from(back).days()).ok()?
        }
        n => {
            let ahead = (7 + 3 - start.weekday().to_monday_zero_offset()) % 7;
            let first = start.checked_add(i64::from(ahead).days()).ok()?;
            let nth = first.checked_add((7 * i64::from(n - 1)).days()).ok()?;
            (nth <= end).then_some(nth)?
        }
    };
    monday_of(thursday)
}

/// The Monday of the Monday–Sunday week holding `d`.
fn monday_of(d: Date) -> Option<Date> {
    d.checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days())
        .ok()
}

/// The intervals of a range's two ends. The first is resolved against publication; a second
/// with no year or week of its own is the first one on or after the first's start ("from
/// next Monday to Friday", "from 10/25 to 01/25"), so a range never runs backwards.
pub fn resolve_ends(a: End, b: End, published: Option<Date>) -> Option<[(Date, Date); 2]> {
    let first = resolve_end(a, published)?;
    let second = match b {
        End::Relative(rel) if b.is_undated() => first_on_or_after(rel, first.0)?,
        _ => resolve_end(b, published)?,
    };
    (second.0 >= first.0).then_some([first, second])
}

/// The interval one end refers to; a relative one needs `published`.
pub fn resolve_end(end: End, published: Option<Date>) -> Option<(Date, Date)> {
    match end {
        End::Fixed(s, e) => Some((s, e)),
        End::Relative(rel) => resolve_relative(rel, published?),
    }
}

/// An undated month, month day or weekday: the first one starting on or after `from`.
fn first_on_or_after(rel: Rel, from: Date) -> Option<(Date, Date)> {
    match rel {
        Rel::MonthDay(m, d1, d2, _) => resolve_relative(Rel::MonthDay(m, d1, d2, true), from),
        Rel::Month(m) => resolve_relative(Rel::ComingMonth(m), from),
        Rel::Weekday(w, _) | Rel::ComingWeekday(w) => resolve_relative(Rel::ComingWeekday(w), from),
        _ => None,
    }
}

/// The first day on or after `from` that falls on weekday `w`.
fn weekday_on_or_after(w: Weekday, from: Date) -> Option<Date> {
    let ahead = (7 + w.to_monday_zero_offset() - from.weekday().to_monday_zero_offset()) % 7;
    from.checked_add(i64::from(ahead).days()).ok()
}

/// Relative expressions, resolved against the publication date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rel {
    /// The calendar year at this offset ("last year" = -1).
    Years(i32),
    /// The calendar month at this offset.
    Months(i32),
    /// The calendar week (Monday–Sunday) at this offset.
    Weeks(i32),
    /// The day at this offset ("yesterday" = -1).
    Days(i32),
    /// The calendar quarter at this offset.
    Quarters(i32),
    /// The last N months up to the publication date ("over the past 12 years").
    Past(i32),
    /// The N months from the publication date ("over the next three years").
    Ahead(i32),
    /// The N days after the publication day ("the next 30 days").
    NextDays(i32),
    /// The day this many months and days after publication ("in two weeks" said of the
    /// future, "three days from now").
    Later(i32, i32),
    /// N years before the time mentioned earlier in the same sentence ("up from X a year
    /// earlier"); without one, N years before publication.
    YearsBefore(i32),
    /// The quarter N before the time mentioned earlier in the same sentence ("in the fourth
    /// quarter, against X in the previous quarter"); without one, before publication's.
    QuartersBefore(i32),
    /// The month N before the time mentioned earlier in the same sentence ("in February,
    /// after X in the previous month"); without one, before publication's.
    MonthsBefore(i32),
    /// From a fixed day up to the publication date ("since 2018").
    Since(Date),
    /// From the start of the current year (or month) to the publication date.
    YearToDate,
    /// From the start of the current month to the publication date.
    MonthToDate,
    /// A month with no year: the nearest one not far after publication.
    Month(i8),
    /// A day of a month with no year; the second day ends a range ("June 3-4"); the flag
    /// says the clause speaks of the future ("will visit from April 29"), so it is the
    /// next such day rather than the nearest.
    MonthDay(i8, i8, i8, bool),
    /// Quarter `q` of the publication year at this offset in years.
    Quarter(i8, i32),
    /// Half `h` of the publication year at this offset in years.
    Half(i8, i32),
    /// The seven days ending on a month day with no year ("the week ended February 22").
    WeekEnding(i8, i8),
    /// A weekday: the latest one on or before publication (offset -1: strictly before, +1: after).
    Weekday(Weekday, i32),
    /// A weekday in a clause about the future ("will meet on Friday"): the first one on or
    /// after publication.
    ComingWeekday(Weekday),
    /// A weekday with a day of the month and no month ("Monday 21", "Friday the 26th"): the
    /// nearest day of that number falling on that weekday.
    WeekdayDay(Weekday, i8),
    /// A weekday in the calendar week (Monday–Sunday) at this offset: "this Friday" (0),
    /// "next Friday" (1, the Friday of next week), "last Friday" (-1).
    WeekdayOfWeek(Weekday, i32),
    /// A range of months with no year ("from March to May"): the first as [`Rel::Month`],
    /// the second the next one on or after it.
    MonthSpan(i8, i8),
    /// The current period from publication on (true: "later this year") or up to it
    /// (false: "earlier in the week").
    PartOf(Period, bool),
    /// A month named with "this" (0), "next" (1) or "last" (-1).
    MonthIn(i8, i32),
    /// A month with no year in a clause about the future ("will meet in December"): the
    /// first one not over at publication, so this month if it is the one named.
    ComingMonth(i8),
    /// A season (first month, three months long) named with "this" (0), "next" (1) or
    /// "last" (-1).
    Season(i8, i32),
    /// A holiday named with "last"/"previous" (-1: the latest before publication),
    /// "next"/"following" (1: the first after it), or alone (0: the nearer of the two, so
    /// "before Christmas" in November is this December's and in January last December's).
    Holiday(Holiday, i32),
    /// A holiday in the publication year at this offset ("this Easter", "Thanksgiving of
    /// next year").
    HolidayOfYear(Holiday, i32),
    /// ISO week `n` (Monday to Sunday) of the publication year at this offset ("week 31",
    /// "week 27 of last year").
    IsoWeek(i8, i32),
    /// A day of the month with no month ("on the 18th."): the latest one on or before
    /// publication.
    DayOfMonth(i8),
    /// Month `m` of the publication year at this offset ("June last year", "October of next
    /// year", "March this year").
    MonthOfYear(i8, i32),
    /// The week of the latest weekend begun by publication ("sold over the weekend" in a
    /// Monday story): this week's from Saturday on, else last week's.
    WeekOfLastWeekend,
}

/// A holiday stories date things by. Only holidays with one date wherever they are named are
/// listed: "Independence Day" or "Labour Day" depend on the country.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Holiday {
    /// The same month and day every year.
    OnDay(i8, i8),
    /// This many days after Easter Sunday (Good Friday: -2).
    Easter(i8),
    /// The nth weekday of a month (-1: the last), then this many days after it (Black
    /// Friday: the day after the fourth Thursday of November).
    NthWeekday(i8, Weekday, i8, i8),
}

/// Holiday names, longer ones first, in lower case.
const HOLIDAYS: &[(&[&str], Holiday)] = &[
    (&["christmas", "eve"], Holiday::OnDay(12, 24)),
    (&["christmas", "day"], Holiday::OnDay(12, 25)),
    (&["christmas"], Holiday::OnDay(12, 25)),
    (&["xmas"], Holiday::OnDay(12, 25)),
    (&["boxing", "day"], Holiday::OnDay(12, 26)),
    (&["new", "year's", "eve"], Holiday::OnDay(12, 31)),
    (&["new", "years", "eve"], Holiday::OnDay(12, 31)),
    (&["new", "year's", "day"], Holiday::OnDay(1, 1)),
    (&["new", "years", "day"], Holiday::OnDay(1, 1)),
    (&["new", "year", "day"], Holiday::OnDay(1, 1)),
    (&["halloween"], Holiday::OnDay(10, 31)),
    (&["valentine's", "day"], Holiday::OnDay(2, 14)),
    (&["valentines", "day"], Holiday::OnDay(2, 14)),
    (&["easter", "sunday"], Holiday::Easter(0)),
    (&["easter", "monday"], Holiday::Easter(1)),
    (&["easter"], Holiday::Easter(0)),
    (&["good", "friday"], Holiday::Easter(-2)),
    (
        &["thanksgiving", "day"],
        Holiday::NthWeekday(11, Weekday::Thursday, 4, 0),
    ),
    (
        &["thanksgiving"],
        Holiday::NthWeekday(11, Weekday::Thursday, 4, 0),
    ),
    (
        &["black", "friday"],
        Holiday::NthWeekday(11, Weekday::Thursday, 4, 1),
    ),
    (
        &["memorial", "day"],
        Holiday::NthWeekday(5, Weekday::Monday, -1, 0),
    ),
];

/// Nouns after a holiday's name that make it a season around the day.
const HOLIDAY_SEASON_WORDS: &[&str] = &[
    "season", "period", "holiday", "holidays", "sales", "shopping", "break", "rush", "trading",
    "week", "weekend", "recess", "quarter",
];

/// The day `holiday` falls on in `year`.
pub fn holiday_in(holiday: Holiday, year: i32) -> Option<Date> {
    let y = i16::try_from(year).ok()?;
    match holiday {
        Holiday::OnDay(m, d) => Date::new(y, m, d).ok(),
        Holiday::Easter(after) => easter_sunday(y)?.checked_add(i64::from(after).days()).ok(),
        Holiday::NthWeekday(m, w, n, after) => Date::new(y, m, 1)
            .ok()?
            .nth_weekday_of_month(n, w)
            .ok()?
            .checked_add(i64::from(after).days())
            .ok(),
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus: the first Sunday
/// after the ecclesiastical full moon on or after 21 March).
fn easter_sunday(y: i16) -> Option<Date> {
    let y = i32::from(y);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// A calendar period a relative expression is part of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Period {
    /// A calendar year.
    Year,
    /// A calendar month.
    Month,
    /// A Monday–Sunday week.
    Week,
}

/// What a time's TIMEX value says beyond its interval of days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Label {
    /// The interval says it all.
    Plain,
    /// "since 2018": the value of the anchor (first and last day).
    Anchor(Date, Date),
    /// A clock time on the day ("16:00 UTC", "7:56:30 pm"), 24-hour: hour, minute, second.
    Clock(i8, i8, i8),
    /// From one clock time to another on the day ("5 to 6pm", "3:00-4:00 tomorrow"), 24-hour;
    /// `ambiguous` when neither says am or pm ("five to seven today").
    ClockRange {
        /// Hour and minute it starts.
        from: (i8, i8),
        /// Hour and minute it ends.
        to: (i8, i8),
        /// Neither end says am or pm.
        ambiguous: bool,
        /// Whether each end's minutes are written ("7 to 7:30" is (false, true)).
        written: (bool, bool),
    },
    /// A part of the day ("this morning"): TIMEX `MO`, `AF`, `EV`, `NI`.
    DayPart(&'static str),
    /// The weekend of a week ("this weekend"): the week's value with `-WE`.
    Weekend,
    /// A season ("this summer", "spring 2009"): the year with `-SP`, `-SU`, `-FA`, `-WI`.
    Season(&'static str),
    /// A fiscal or school year ("fiscal 2023", "SY2019", "last fiscal year"), whose months
    /// the text does not say: the calendar year stands in for its interval, and its TIMEX is
    /// `FY2023` or `SY2019`.
    YearOf(&'static str),
    /// A range between two stated times ("2014-2018", "from 2014 to 2018"): the first day of
    /// the second, where conventions that end a range as the second begins end it.
    Range(Date),
    /// Every such weekday ("every Monday", "each Monday at 4pm", "Thursdays"), with the clock
    /// time or part of the day written with it: a set, which names no interval and so does
    /// not resolve ([`set_mention`] gives it as a set).
    Every {
        /// The clock time, 24-hour.
        clock: Option<(i8, i8)>,
        /// The part of the day (`MO`, `AF`, `EV`, `NI`).
        part: Option<&'static str>,
    },
}

/// A recurring weekday as the set mention it is ("every Monday at 4pm": `XXXX-WXX-1T16`);
/// `None` for a time that is not one.
pub fn set_mention(raw: &RawTime) -> Option<TimeMention> {
    Some(TimeMention {
        span: raw.span,
        kind: TimeMentionKind::Set,
        timex: set_timex(raw)?,
        seconds: None,
    })
}

/// The TIMEX value of a recurring weekday ("every Monday at 4pm" is `XXXX-WXX-1T16`); `None`
/// for a time that is not one.
fn set_timex(raw: &RawTime) -> Option<String> {
    let Label::Every { clock, part } = raw.label else {
        return None;
    };
    let When::Relative(Rel::Weekday(day, _) | Rel::ComingWeekday(day)) = raw.when else {
        return None;
    };
    let mut timex = format!("XXXX-WXX-{}", day.to_monday_one_offset());
    match (clock, part) {
        (Some((h, 0)), _) => timex.push_str(&format!("T{h:02}")),
        (Some((h, m)), _) => timex.push_str(&format!("T{h:02}:{m:02}")),
        (None, Some(p)) => timex.push_str(&format!("T{p}")),
        (None, None) => {}
    }
    Some(timex)
}

/// A weekday found at `found` as a set: after "every", "each" or "every other", or written
/// in the plural ("Thursdays at 17.30"). The label and the token the set starts at.
fn as_every(c: &Cursor, found: &Found) -> Option<(Label, usize)> {
    let When::Relative(Rel::Weekday(..) | Rel::ComingWeekday(_)) = found.when else {
        return None;
    };
    let (clock, part) = match found.label {
        Label::Plain => (None, None),
        Label::Clock(h, m, _) => (Some((h, m)), None),
        Label::DayPart(p) => (None, Some(p)),
        _ => return None,
    };
    let i = found.core;
    let first = if i >= 2 && c.is(i - 1, "other") && c.is(i - 2, "every") {
        i - 2
    } else if i >= 1 && c.is_any(i - 1, &["every", "each"]) {
        i - 1
    } else if c.word(i).is_some_and(|w| plural_weekday(w).is_some()) {
        found.first
    } else {
        return None;
    };
    Some((Label::Every { clock, part }, first))
}

/// A weekday in the plural ("Mondays", "thursdays").
fn plural_weekday(w: &str) -> Option<Weekday> {
    w.strip_suffix('s').and_then(weekday)
}

/// A recognized time expression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawTime {
    /// Where it is stated (leading preposition included: "in 2023", "by 2030").
    pub span: Span,
    /// The expression without its leading preposition ("2023").
    pub core: Span,
    /// What it refers to.
    pub when: When,
    /// "by 2030", "until 2025": the end of a period something should happen in.
    pub deadline: bool,
    /// What its TIMEX value adds to the interval.
    pub label: Label,
}

/// Resolves every time of a text in order. An anchored expression ("a year earlier", "the
/// previous quarter") counts from a time before it in the same sentence (`sentence_of`
/// gives a time's sentence number): a year from the last one, a quarter or month from the
/// last one within a quarter or month ("in the fourth quarter, up from a year earlier and
/// from X in the preceding quarter" counts from the fourth quarter).
pub fn resolve_all(
    raws: &[RawTime],
    published: Option<Date>,
    sentence_of: impl Fn(Span) -> usize,
) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::with_capacity(raws.len());
    // The resolved times of the current sentence, and its number.
    let mut here: (usize, Vec<(Date, Date)>) = (usize::MAX, Vec::new());
    for raw in raws {
        let sentence = sentence_of(raw.span);
        if here.0 != sentence {
            here = (sentence, Vec::new());
        }
        let anchor = |fits: fn(Date, Date) -> bool| {
            here.1
                .iter()
                .rev()
                .find(|(s, e)| fits(*s, *e))
                .map(|(s, _)| *s)
        };
        let anchor = match raw.when {
            When::Relative(Rel::YearsBefore(_)) => anchor(|_, _| true),
            When::Relative(Rel::QuartersBefore(_)) => {
                anchor(|s, e| s.year() == e.year() && (s.month() - 1) / 3 == (e.month() - 1) / 3)
            }
            When::Relative(Rel::MonthsBefore(_)) => {
                anchor(|s, e| s.year() == e.year() && s.month() == e.month())
            }
            _ => None,
        };
        let anchored = match (raw.when, anchor) {
            (When::Relative(rel), Some(anchor)) => {
                resolve_relative(rel, anchor).map(|(start, end)| TimeExpr {
                    span: raw.span,
                    start,
                    end,
                    relative: true,
                    deadline: false,
                    timex: timex(start, end),
                })
            }
            _ => None,
        };
        if let Some(t) = anchored.or_else(|| resolve(raw, published)) {
            here.1.push((t.start, t.end));
            out.push(t);
        }
    }
    out
}

/// Turns a raw time into an interval; relative ones need `published`.
pub fn resolve(raw: &RawTime, published: Option<Date>) -> Option<TimeExpr> {
    if let Label::Every { .. } = raw.label {
        return None;
    }
    let (start, end, relative) = match raw.when {
        When::Fixed(s, e) => (s, e, false),
        When::Relative(rel) => {
            let (s, e) = resolve_relative(rel, published?)?;
            (s, e, true)
        }
        When::Between(a, b) => {
            let [(s, _), (_, e)] = resolve_ends(a, b, published)?;
            (s, e, a.needs_publication() || b.needs_publication())
        }
        When::Shifted(anchor, months, days, weekday) => {
            let (day, _) = resolve_end(anchor, published)?;
            let mut d = shift(day, months, days)?;
            if let Some(w) = weekday {
                let sunday = i64::from(d.weekday().to_sunday_zero_offset());
                let offset = i64::from(w.to_sunday_zero_offset()) - sunday;
                d = d.checked_add(offset.days()).ok()?;
            }
            (d, d, anchor.needs_publication())
        }
        When::WeekOf(within, n) => {
            let (s, e) = resolve_end(within, published)?;
            let monday = week_in(s, e, n)?;
            (
                monday,
                monday.checked_add(6.days()).ok()?,
                within.needs_publication(),
            )
        }
        When::Part(period, part) => {
            let (s, e) = resolve_end(period, published)?;
            let (start, end) = part_days(s, e, part)?;
            return Some(TimeExpr {
                span: raw.span,
                start,
                end,
                relative: period.needs_publication(),
                deadline: raw.deadline,
                timex: timex(s, e),
            });
        }
        When::Slice(period, slice) => {
            let (s, e) = resolve_end(period, published)?;
            let (s, e) = slice_days(s, e, slice)?;
            (s, e, period.needs_publication())
        }
        When::Lasting(anchor, months, days) => {
            let (start, _) = resolve_end(anchor, published)?;
            let after = shift(start, months, days)?;
            (
                start,
                after.yesterday().ok()?.max(start),
                anchor.needs_publication(),
            )
        }
    };
    // "this weekend" is the Saturday and Sunday of its week.
    let start = match raw.label {
        Label::Weekend => end.yesterday().ok()?.max(start),
        _ => start,
    };
    Some(TimeExpr {
        span: raw.span,
        start,
        end,
        relative,
        deadline: raw.deadline,
        timex: timex_of(raw, start, end),
    })
}

/// The latest day `d` of a month on or before `p` (months without it passed over).
pub fn last_day_of_month_on_or_before(d: i8, p: Date) -> Option<Date> {
    (0..3).find_map(|back| {
        let month = add_months(p.first_of_month(), -back)?;
        Date::new(month.year(), month.month(), d)
            .ok()
            .filter(|day| *day <= p)
    })
}

/// The TIMEX3 value of a resolved time: its label's, a duration for "the past 12 years",
/// else the interval's ([`timex`]).
fn timex_of(raw: &RawTime, start: Date, end: Date) -> String {
    match (raw.label, raw.when) {
        (Label::Anchor(s, e), _) => timex(s, e),
        (Label::Clock(h, m, 0), _) => format!("{start}T{h:02}:{m:02}"),
        (Label::Clock(h, m, sec), _) => format!("{start}T{h:02}:{m:02}:{sec:02}"),
        (Label::ClockRange { from, to, .. }, _) => format!(
            "({start}T{:02}:{:02},{start}T{:02}:{:02})",
            from.0, from.1, to.0, to.1
        ),
        (Label::DayPart(part), _) => format!("{start}T{part}"),
        (Label::Weekend, _) => {
            let monday = start.checked_sub(5.days()).unwrap_or(start);
            format!("{}-WE", timex(monday, end))
        }
        (Label::Season(code), _) => format!("{:04}-{code}", start.year()),
        (Label::YearOf(code), _) => format!("{code}{:04}", start.year()),
        // "later this year" takes the year's value.
        (Label::Plain, When::Relative(Rel::PartOf(period, _))) => {
            period_of(period, start).map_or_else(|| timex(start, end), |(s, e)| timex(s, e))
        }
        (Label::Plain, When::Relative(Rel::Past(months) | Rel::Ahead(months))) => {
            if months % 12 == 0 {
                format!("P{}Y", months / 12)
            } else {
                format!("P{months}M")
            }
        }
        // A set does not resolve; its value is [`set_timex`]'s.
        (Label::Plain | Label::Range(_) | Label::Every { .. }, _) => timex(start, end),
    }
}

/// The TIMEX3 value of an interval of days: `2024` for a calendar year, `2024-05` for a month,
/// `2024-Q2`/`2024-H1` for a quarter or half, `2024-W19` for a Monday–Sunday week,
/// `2024-05-07` for a day, `202X` for a decade, `20` for a century, else `(start,end,length)`
/// with an exclusive end and the length in whole years (`P2Y`), months (`P9M`), weeks from a
/// Monday (`P2W`) or days (`P10D`).
pub fn timex(start: Date, end: Date) -> String {
    if start == end {
        return start.to_string();
    }
    let (y, m) = (start.year(), start.month());
    if let Some(months) = whole_months(start, end) {
        match months {
            1 => return format!("{y:04}-{m:02}"),
            3 if (m - 1) % 3 == 0 => return format!("{y:04}-Q{}", (m - 1) / 3 + 1),
            6 if (m - 1) % 6 == 0 => return format!("{y:04}-H{}", (m - 1) / 6 + 1),
            12 if m == 1 => return format!("{y:04}"),
            120 if m == 1 && y % 10 == 0 => return format!("{:03}X", y / 10),
            1200 if m == 1 && y % 100 == 0 => return format!("{:02}", y / 100),
            _ => {}
        }
    }
    let days = end.since(start).map(|s| s.get_days() + 1).unwrap_or(0);
    if start.weekday() == Weekday::Monday && days == 7 {
        let w = start.iso_week_date();
        return format!("{:04}-W{:02}", w.year(), w.week());
    }
    let after = end.tomorrow().unwrap_or(end);
    let length = match whole_months(start, end) {
        Some(months) if months % 12 == 0 => format!("P{}Y", months / 12),
        Some(months) => format!("P{months}M"),
        None if start.weekday() == Weekday::Monday && days % 7 == 0 => format!("P{}W", days / 7),
        None => format!("P{days}D"),
    };
    format!("({start},{after},{length})")
}

/// The year, month or week publication day `p` falls in.
fn period_of(period: Period, p: Date) -> Option<(Date, Date)> {
    match period {
        Period::Year => year_span(i32::from(p.year())),
        Period::Month => Some((p.first_of_month(), p.last_of_month())),
        Period::Week => resolve_relative(Rel::Weeks(0), p),
    }
}

fn year_span(y: i32) -> Option<(Date, Date)> {
    let y = i16::try_from(y).ok()?;
    Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
}

/// The days from the first of year `first` to the last of year `last`.
fn years_span(first: i32, last: i32) -> Option<(Date, Date)> {
    Some((year_span(first)?.0, year_span(last)?.1))
}

fn month_span(y: i32, m: i8) -> Option<(Date, Date)> {
    let first = Date::new(i16::try_from(y).ok()?, m, 1).ok()?;
    Some((first, first.last_of_month()))
}

fn months_span(y: i32, first_month: i8, months: i8) -> Option<(Date, Date)> {
    let (start, _) = month_span(y, first_month)?;
    let (_, end) = month_span(y, first_month + months - 1)?;
    Some((start, end))
}

/// How many calendar months `start..=end` is, when it is whole months.
fn whole_months(start: Date, end: Date) -> Option<i32> {
    (start.day() == 1 && end == end.last_of_month()).then(|| {
        (i32::from(end.year()) - i32::from(start.year())) * 12
            + i32::from(end.month() - start.month())
            + 1
    })
}

/// The days of `part` of the period `start..=end`: for a decade or longer, whole years (the
/// late 1990s are 1997–1999); for a year, quarter or half, whole months (the end of a year is
/// its last quarter); else thirds of its days (late March is the 21st on).
fn part_days(start: Date, end: Date, part: Part) -> Option<(Date, Date)> {
    let thirds = |n: i32, early: i32, middle: i32| match part {
        Part::Early => (0, early),
        Part::Middle => (early, middle),
        Part::Late | Part::Final => (early + middle, n - early - middle),
    };
    match whole_months(start, end) {
        Some(months) if months >= 120 && months % 12 == 0 => {
            let years = months / 12;
            let early = (years * 2 + 4) / 5;
            let (from, len) = thirds(years, early, (years - early) / 2);
            let first = i32::from(start.year()) + from;
            years_span(first, first + len - 1)
        }
        Some(months) if months % 3 == 0 => {
            let (from, len) = if months == 12 && part == Part::Final {
                (9, 3)
            } else {
                thirds(months, months / 3, months / 3)
            };
            let first = add_months(start, from)?;
            Some((first, add_months(first, len)?.yesterday().ok()?))
        }
        _ => {
            let days = end.since(start).ok()?.get_days() + 1;
            let (from, len) = thirds(days, days / 3, days * 2 / 3 - days / 3);
            let first = start.checked_add(i64::from(from).days()).ok()?;
            Some((first, first.checked_add(i64::from(len - 1).days()).ok()?))
        }
    }
}

/// The days of `slice` of the period `start..=end`, when they lie within it (weeks may run
/// past a year's ends, as ISO weeks do, and count from its first and last [`week_in`]).
fn slice_days(start: Date, end: Date, slice: Slice) -> Option<(Date, Date)> {
    let (skip, count) = (i32::from(slice.skip), i32::from(slice.count));
    let days = |d: Date, n: i32| d.checked_add(i64::from(n).days()).ok();
    let step = |d: Date, n: i32| match slice.unit {
        SliceUnit::Day => days(d, n),
        SliceUnit::Week => days(d, 7 * n),
        SliceUnit::Month => add_months(d, n),
    };
    let after_end = end.tomorrow().ok()?;
    let (from, to) = match slice.unit {
        SliceUnit::Week => (week_in(start, end, 1)?, days(week_in(start, end, -1)?, 7)?),
        _ => (start, after_end),
    };
    let (first, after) = if slice.from_end {
        let after = step(to, -skip)?;
        (step(after, -count)?, after)
    } else {
        let first = step(from, skip)?;
        (first, step(first, count)?)
    };
    let within = first >= start && after <= after_end;
    (within || slice.unit == SliceUnit::Week).then_some((first, after.yesterday().ok()?))
}

fn add_months(d: Date, n: i32) -> Option<Date> {
    d.checked_add(n.months()).ok()
}

/// The day `months` months and then `days` days after `d` (before it when negative).
fn shift(d: Date, months: i32, days: i32) -> Option<Date> {
    add_months(d, months)?
        .checked_add(i64::from(days).days())
        .ok()
}

fn resolve_relative(rel: Rel, p: Date) -> Option<(Date, Date)> {
    let year = i32::from(p.year());
    match rel {
        Rel::Years(n) => year_span(year + n),
        Rel::Months(n) => {
            let d = add_months(p.first_of_month(), n)?;
            Some((d, d.last_of_month()))
        }
        Rel::MonthOfYear(m, n) => month_span(year + n, m),
        Rel::WeekOfLastWeekend => {
            let begun = matches!(p.weekday(), Weekday::Saturday | Weekday::Sunday);
            resolve_relative(Rel::Weeks(if begun { 0 } else { -1 }), p)
        }
        Rel::Weeks(n) => {
            let monday = monday_of(p)?;
            let start = monday.checked_add((7 * i64::from(n)).days()).ok()?;
            Some((start, start.checked_add(6.days()).ok()?))
        }
        Rel::Days(n) => {
            let d = p.checked_add(i64::from(n).days()).ok()?;
            Some((d, d))
        }
        Rel::Quarters(n) => {
            let q0 = (p.month() - 1) / 3;
            let first = Date::new(p.year(), q0 * 3 + 1, 1).ok()?;
            let start = add_months(first, 3 * n)?;
            let end = add_months(start, 2)?.last_of_month();
            Some((start, end))
        }
        Rel::Past(months) => Some((add_months(p, -months)?, p)),
        Rel::Ahead(months) => Some((p, add_months(p, months)?)),
        Rel::NextDays(n) => Some((p.tomorrow().ok()?, p.checked_add(i64::from(n).days()).ok()?)),
        Rel::Later(months, days) => {
            let d = shift(p, months, days)?;
            Some((d, d))
        }
        Rel::YearsBefore(n) => year_span(year - n),
        Rel::QuartersBefore(n) => resolve_relative(Rel::Quarters(-n), p),
        Rel::MonthsBefore(n) => resolve_relative(Rel::Months(-n), p),
        Rel::Since(d) => Some((d, p.max(d))),
        Rel::YearToDate => Some((Date::new(p.year(), 1, 1).ok()?, p)),
        Rel::MonthToDate => Some((p.first_of_month(), p)),
        Rel::Month(m) => {
            let (s, e) = month_span(year, m)?;
            if s > add_months(p, 1)? {
                month_span(year - 1, m)
            } else {
                Some((s, e))
            }
        }
        Rel::PartOf(period, after) => {
            let (start, end) = period_of(period, p)?;
            Some(if after { (p, end) } else { (start, p) })
        }
        Rel::MonthSpan(m1, m2) => {
            let (start, _) = resolve_relative(Rel::Month(m1), p)?;
            let y = i32::from(start.year()) + i32::from(m2 < m1);
            Some((start, month_span(y, m2)?.1))
        }
        Rel::MonthDay(2, 29, d2, ahead) => {
            // February 29 falls in leap years only: the last one, or the next when ahead.
            let y = i16::try_from(year).ok()?;
            let on = |y: i16| Date::new(y, 2, 29).ok();
            let start = if ahead {
                (y..y + 8).filter_map(on).find(|d| *d >= p)
            } else {
                (y - 8..=y).rev().filter_map(on).find(|d| *d <= p)
            }?;
            Some((start, Date::new(start.year(), 2, d2).ok()?))
        }
        Rel::MonthDay(m, d1, d2, ahead) => {
            let y = i16::try_from(year).ok()?;
            let mut start = Date::new(y, m, d1).ok()?;
            if ahead && start < p {
                start = Date::new(y + 1, m, d1).ok()?;
            } else if !ahead && start > add_months(p, 1)? {
                start = Date::new(y - 1, m, d1).ok()?;
            }
            let end = Date::new(start.year(), m, d2).ok()?;
            Some((start, end))
        }
        Rel::IsoWeek(n, offset) => iso_week(year + offset, n),
        Rel::DayOfMonth(d) => {
            let d = last_day_of_month_on_or_before(d, p)?;
            Some((d, d))
        }
        Rel::WeekEnding(m, d) => {
            let (_, last) = resolve_relative(Rel::MonthDay(m, d, d, false), p)?;
            Some((last.checked_sub(6.days()).ok()?, last))
        }
        Rel::ComingMonth(m) => month_span(year + i32::from(m < p.month()), m),
        Rel::MonthIn(m, dir) => {
            let y = match dir {
                0 => year,
                d if d > 0 => year + i32::from(m <= p.month()),
                _ => year - i32::from(m >= p.month()),
            };
            month_span(y, m)
        }
        Rel::Season(first, dir) => {
            let in_year = |y: i32| Date::new(i16::try_from(y).ok()?, first, 1).ok();
            // "This winter" in January is the one that began in December.
            let this = if first == 12 && p.month() <= 2 {
                in_year(year - 1)?
            } else {
                in_year(year)?
            };
            let start = match dir {
                0 => this,
                d if d > 0 && this > p => this,
                d if d > 0 => add_months(this, 12)?,
                _ if add_months(this, 3)? <= p => this,
                _ => add_months(this, -12)?,
            };
            Some((start, add_months(start, 3)?.yesterday().ok()?))
        }
        Rel::Quarter(q, n) => {
            // "the fourth quarter" in a January story is the one just ended.
            let (s, e) = months_span(year + n, (q - 1) * 3 + 1, 3)?;
            if n == 0 && s > p {
                months_span(year - 1, (q - 1) * 3 + 1, 3)
            } else {
                Some((s, e))
            }
        }
        Rel::Half(h, n) => months_span(year + n, (h - 1) * 6 + 1, 6),
        Rel::HolidayOfYear(h, n) => holiday_in(h, year + n).map(|d| (d, d)),
        Rel::Holiday(h, dir) => {
            let this = holiday_in(h, year)?;
            let before = if this < p {
                this
            } else {
                holiday_in(h, year - 1)?
            };
            let after = if this > p {
                this
            } else {
                holiday_in(h, year + 1)?
            };
            let d = match dir {
                0 if this == p => this,
                0 if (p - before).get_days() <= (after - p).get_days() => before,
                d if d < 0 => before,
                _ => after,
            };
            Some((d, d))
        }
        Rel::WeekdayDay(w, d) => {
            let [past, coming] = weekday_days(w, d, p)?;
            let nearer = if (p - past).get_days() <= (coming - p).get_days() {
                past
            } else {
                coming
            };
            Some((nearer, nearer))
        }
        Rel::WeekdayOfWeek(w, weeks) => {
            let (monday, _) = resolve_relative(Rel::Weeks(weeks), p)?;
            let d = monday
                .checked_add(i64::from(w.to_monday_zero_offset()).days())
                .ok()?;
            Some((d, d))
        }
        Rel::ComingWeekday(w) => {
            let d = weekday_on_or_after(w, p)?;
            Some((d, d))
        }
        Rel::Weekday(w, dir) => {
            let back = (7 + p.weekday().to_monday_zero_offset() - w.to_monday_zero_offset()) % 7;
            let d = match dir {
                0 => p.checked_sub(i64::from(back).days()).ok()?,
                d if d < 0 => p
                    .checked_sub(i64::from(if back == 0 { 7 } else { back }).days())
                    .ok()?,
                _ => {
                    let fwd = (7 - back) % 7;
                    p.checked_add(i64::from(if fwd == 0 { 7 } else { fwd }).days())
                        .ok()?
                }
            };
            Some((d, d))
        }
    }
}

/// The days numbered `d` that fall on weekday `w`: the latest on or before `p` and the first
/// after it (within seven years either way, as the calendar repeats by then).
pub fn weekday_days(w: Weekday, d: i8, p: Date) -> Option<[Date; 2]> {
    let month_day = |first: Date| {
        first
            .with()
            .day(d)
            .build()
            .ok()
            .filter(|x| x.weekday() == w)
    };
    let start = p.first_of_month();
    let past = (0..84)
        .filter_map(|k| month_day(add_months(start, -k)?))
        .find(|x| *x <= p)?;
    let coming = (0..84)
        .filter_map(|k| month_day(add_months(start, k)?))
        .find(|x| *x > p)?;
    Some([past, coming])
}

/// Words that put a clause in the future, for months named without a year.
const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "'ll",
    "scheduled",
    "planned",
    "due",
    "upcoming",
    "expected",
    "would",
    "should",
    "hopes",
];

/// Finite verbs that tell of something done, beside the regular "-ed" ones.
const PAST_VERBS: &[&str] = &[
    "was", "were", "had", "did", "got", "made", "took", "gave", "came", "went", "met", "said",
    "told", "sold", "bought", "won", "lost", "fell", "rose", "began", "struck", "hit", "left",
];

/// Tokens that end a clause for the tense and context tests.
const CLAUSE_ENDS: &[&str] = &[".", ";", "!", "?"];

/// Whether the clause around tokens `first..end` can tell of what is to come, as the time
/// matchers judge it, for mentions other scanners find: no verb in it tells of a deed done
/// ("fell 600 points in thirty minutes", "In 12 minutes, the contract dipped") or under way
/// ("losing a thousand points in thirty minutes", "flying to New York in one hour").
pub(super) fn may_tell_of_future(
    tokens: &[Token],
    text: &str,
    (first, end): (usize, usize),
) -> bool {
    let c = Cursor {
        tokens,
        text,
        join_clocks: false,
    };
    let under_way = (first.saturating_sub(10)..first)
        .rev()
        .take_while(|&j| !c.is_any(j, CLAUSE_ENDS))
        .any(|j| c.word(j).is_some_and(|w| w.len() > 4 && w.ends_with("ing")));
    !(c.tells_of_past_around(first, end) || under_way)
}

/// Read-only view of the tokens with the lookups the matchers need.
struct Cursor<'a> {
    tokens: &'a [Token],
    text: &'a str,
    /// Whether clock times join the day written before them and each other ("tomorrow
    /// 8:00am", "5 to 6pm").
    join_clocks: bool,
}

impl<'a> Cursor<'a> {
    fn tok(&self, k: usize) -> Option<&'a Token> {
        self.tokens.get(k)
    }
    fn raw(&self, k: usize) -> Option<&'a str> {
        self.tok(k).map(|t| t.text(self.text))
    }
    fn word(&self, k: usize) -> Option<&'a str> {
        self.tok(k)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(self.text))
    }
    fn is(&self, k: usize, w: &str) -> bool {
        self.raw(k).is_some_and(|t| t.eq_ignore_ascii_case(w))
    }
    fn is_any(&self, k: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.is(k, w))
    }
    /// Whether the words at `k` are `ws`, in order.
    fn is_seq(&self, k: usize, ws: &[&str]) -> bool {
        ws.iter().enumerate().all(|(j, w)| self.is(k + j, w))
    }
    /// True when the clause before token `k` speaks of the future ("will", "is due to",
    /// "scheduled"): up to twenty tokens back, stopping at a sentence end.
    fn future_before(&self, k: usize) -> bool {
        (k.saturating_sub(20)..k)
            .rev()
            .take_while(|&j| !self.is_any(j, CLAUSE_ENDS))
            .any(|j| self.is_future_word(j))
    }
    /// Whether token `j` puts its clause in the future: one of [`FUTURE_WORDS`], but not "I
    /// would like to …" (a wish), "than expected" (a comparison), "high hopes" (a noun) or
    /// "due to the …" (a cause).
    fn is_future_word(&self, j: usize) -> bool {
        // "I'll", "we’ll": the contraction is one token.
        let contracted = self
            .word(j)
            .is_some_and(|w| ["'ll", "’ll"].iter().any(|c| ends_with_any_case(w, c)));
        if contracted {
            return true;
        }
        if !self.is_any(j, FUTURE_WORDS) || self.is_cause(j) {
            return false;
        }
        let wish = self.is(j, "would") && self.is_any(j + 1, &["like", "love", "prefer"]);
        let compares = self.is(j, "expected") && j > 0 && self.is_any(j - 1, &["than", "as"]);
        let noun = self.is(j, "hopes") && !self.is(j + 1, "to");
        // "should be completed in October" tells of the future; "should have been", "should
        // respect" need not.
        let modal = self.is(j, "should") && !self.is(j + 1, "be");
        !(wish || compares || noun || modal)
    }
    /// "due to the suspension": a cause, not a time something is due.
    fn is_cause(&self, j: usize) -> bool {
        self.is(j, "due")
            && self.is(j + 1, "to")
            && self.is_any(
                j + 2,
                &[
                    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these",
                    "those",
                ],
            )
    }
    /// True when a verb between the clause's future word and token `k` tells of something
    /// done ("will receive a grant under an agreement signed here Saturday", "doubted another
    /// bidder would emerge before a deal was struck with Hutton Friday"): "was", "were",
    /// "had", "did", a common irregular past, or a past participle not after "be".
    fn past_event_before(&self, k: usize) -> bool {
        self.any_back_to_future_word(k, |j| self.tells_of_past(j))
    }
    /// True when a verb with a pronoun subject between the clause's future word and token `k`
    /// tells of something done ("will lift the duties it imposed on April 17"): narrower than
    /// [`Cursor::past_event_before`], whose participles are often adjectives ("vehicles
    /// produced after April 30", "preferred shares").
    fn finite_past_before(&self, k: usize) -> bool {
        self.any_back_to_future_word(k, |j| {
            j > 0
                && self.is_any(j - 1, &["it", "he", "she", "they", "we", "i", "who"])
                && self.tells_of_past(j)
        })
    }
    /// Whether `found` holds for a token before `k` in its clause, up to twenty back and
    /// not past a future word.
    fn any_back_to_future_word(&self, k: usize, found: impl Fn(usize) -> bool) -> bool {
        (k.saturating_sub(20)..k)
            .rev()
            .take_while(|&j| !self.is_any(j, CLAUSE_ENDS) && !self.is_future_word(j))
            .any(found)
    }
    /// Whether the clause of the time from `first` to `end` tells of something done.
    fn tells_of_past_around(&self, first: usize, end: usize) -> bool {
        self.past_event_before(first) || self.past_event_after(end)
    }
    /// True when a verb after token `k` in its clause, before any future word, tells of
    /// something done ("By late February the market had recovered").
    fn past_event_after(&self, k: usize) -> bool {
        (k..k + 15)
            .take_while(|&j| {
                self.tok(j).is_some() && !self.is_any(j, CLAUSE_ENDS) && !self.is_future_word(j)
            })
            .any(|j| self.tells_of_past(j))
    }
    /// Whether token `j` is a verb that tells of something done: one of [`PAST_VERBS`] or a
    /// past participle not after "be" or "to".
    fn tells_of_past(&self, j: usize) -> bool {
        let Some(w) = self.word(j) else {
            return false;
        };
        let after_be = j
            .checked_sub(1)
            .is_some_and(|b| self.is_any(b, &["be", "been", "being", "to"]));
        let participle = w.len() > 4 && ends_with_any_case(w, "ed") && !after_be;
        participle || PAST_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w))
    }
    fn int(&self, k: usize) -> Option<(u32, usize)> {
        let t = self.tok(k).filter(|t| t.kind == Kind::Number)?;
        let s = t.text(self.text);
        if !s.bytes().all(|b| b.is_ascii_digit()) || s.len() > 4 {
            return None;
        }
        Some((s.parse().ok()?, s.len()))
    }
    /// A lower-case "may" or "march" not followed by a number: a word, not a month.
    fn is_month_word_alone(&self, k: usize) -> bool {
        self.word(k).is_some_and(|w| {
            w.starts_with(|ch: char| ch.is_ascii_lowercase())
                && is_word_too(w)
                && self.int(k + 1).is_none()
        })
    }
    fn joined(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| t.joined)
    }
    fn year(&self, k: usize) -> Option<i32> {
        match self.int(k)? {
            (y, 4) if (1000..=2199).contains(&y) => i32::try_from(y).ok(),
            _ => None,
        }
    }
    fn day(&self, k: usize) -> Option<(i8, usize)> {
        let (d, len) = self.int(k)?;
        if len > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let mut end = k + 1;
        if self.joined(end) && self.is_any(end, &["st", "nd", "rd", "th"]) {
            end += 1;
        }
        Some((i8::try_from(d).ok()?, end))
    }
    fn month(&self, k: usize) -> Option<(i8, usize)> {
        let w = self.word(k)?;
        let m = month_number(w)?;
        if self.is_month_word_alone(k) {
            return None;
        }
        let mut end = k + 1;
        // "Sept.", "Jan.": an abbreviation's full stop; "July." ends a sentence.
        let abbreviated = w.len() <= 4 && !MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w));
        if abbreviated && self.raw(end) == Some(".") && self.joined(end) {
            end += 1;
        }
        Some((m, end))
    }
}

/// Whether `w` ends with `suffix` (ASCII letters in any case) and has more before it: "I'LL".
fn ends_with_any_case(w: &str, suffix: &str) -> bool {
    w.len() > suffix.len()
        && w.is_char_boundary(w.len() - suffix.len())
        && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Month names in lower case, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations, January first ("sept" is read as well).
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Month names that are also words ("may", "march", "mar"): in lower case they are months
/// only before a number ("may 5").
fn is_word_too(w: &str) -> bool {
    ["may", "march", "mar"]
        .iter()
        .any(|m| m.eq_ignore_ascii_case(w))
}

fn month_number(w: &str) -> Option<i8> {
    let mut buf = [0u8; 24];
    let lower = super::tokens::ascii_lower(w, &mut buf)?;
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .or_else(|| MONTH_ABBREVIATIONS.iter().position(|m| *m == lower))
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// A weekday's full name, any case ("Friday", "friday").
fn weekday(w: &str) -> Option<Weekday> {
    let mut buf = [0u8; 24];
    Some(match super::tokens::ascii_lower(w, &mut buf)? {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// A weekday by its full name or its capitalised abbreviation.
fn any_weekday(w: &str) -> Option<Weekday> {
    weekday(w).or_else(|| weekday_abbreviation(w))
}

/// A weekday's capitalised abbreviation ("Tue", "Thurs"); read only before a date, since
/// "Sun" and "Sat" are words too.
fn weekday_abbreviation(w: &str) -> Option<Weekday> {
    Some(match w {
        "Mon" => Weekday::Monday,
        "Tue" | "Tues" => Weekday::Tuesday,
        "Wed" => Weekday::Wednesday,
        "Thu" | "Thur" | "Thurs" => Weekday::Thursday,
        "Fri" => Weekday::Friday,
        "Sat" => Weekday::Saturday,
        "Sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// The number words from one to twelve, in order.
const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

fn number_word(w: &str) -> Option<i32> {
    let mut buf = [0u8; 24];
    let lower = keyword(w, &mut buf);
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    NUMBER_WORDS
        .iter()
        .position(|x| *x == lower)
        .and_then(|i| i32::try_from(i + 1).ok())
}

/// `w` lower-cased in `buf` for matching against keywords, without allocating; "" (no
/// keyword) when it is too long or not ASCII.
fn keyword<'a>(w: &'a str, buf: &'a mut [u8; 24]) -> &'a str {
    super::tokens::ascii_lower(w, buf).unwrap_or("")
}

/// Unit words → months (years 12, decades 120); weeks and days are handled apart.
fn unit_months(w: &str) -> Option<i32> {
    Some(match keyword(w, &mut [0; 24]) {
        "year" | "years" => 12,
        "decade" | "decades" => 120,
        "month" | "months" => 1,
        "quarter" | "quarters" => 3,
        _ => return None,
    })
}

fn fixed(y: i32, m: i8, d1: i8, d2: i8) -> Option<When> {
    let y = i16::try_from(y).ok()?;
    Some(When::Fixed(
        Date::new(y, m, d1).ok()?,
        Date::new(y, m, d2).ok()?,
    ))
}

type Hit = (usize, When);

/// Finds every time expression in the token stream.
pub fn scan(tokens: &[Token], text: &str) -> Vec<RawTime> {
    scan_with(tokens, text, true)
}

/// [`scan`]; when `join_clocks` is false, a clock time stands apart from the day written
/// before it and from a second clock time ("tomorrow" and "8:00am", "5pm" and "7pm"), as a
/// calendar that splits dates and times reads them.
pub fn scan_with(tokens: &[Token], text: &str, join_clocks: bool) -> Vec<RawTime> {
    let tokens = &*split_possessives(tokens, text);
    let c = Cursor {
        tokens,
        text,
        join_clocks,
    };
    let mut out: Vec<RawTime> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let fits = match tokens[i].kind {
            Kind::Number => number_may_start_time(&c, i),
            _ => {
                may_start_time(&tokens[i], text)
                    && next_fits(tokens, i, text)
                    && !c.is_month_word_alone(i)
            }
        };
        if !fits {
            i += 1;
            continue;
        }
        match with_preposition(&c, i) {
            Some(mut found) => {
                if let Some((label, first)) = as_every(&c, &found) {
                    (found.label, found.first, found.core) = (label, first, first);
                }
                let span = Span::new(tokens[found.first].start, tokens[found.end - 1].end);
                let core = Span::new(tokens[found.core].start, tokens[found.end - 1].end);
                out.push(RawTime {
                    span,
                    core,
                    when: found.when,
                    deadline: found.deadline,
                    label: found.label,
                });
                i = found.end;
            }
            None => i += 1,
        }
    }
    merge_ranges(&mut out, text, join_clocks);
    with_weekday_of_shift(&mut out, text);
    with_article_before_weeks(&mut out, text);
    with_year_noun(&mut out, text);
    with_open_end(&mut out, text);
    out
}

/// "the last week of July": the article belongs to a week of a month (a scan starts at
/// "last", "first" or "week").
fn with_article_before_weeks(times: &mut [RawTime], text: &str) {
    for t in times
        .iter_mut()
        .filter(|t| matches!(t.when, When::WeekOf(..)))
    {
        if let (true, Some(start)) = (
            t.span == t.core,
            phrase_before(text, t.span.start, &["the"]),
        ) {
            t.span.start = start;
            t.core.start = start;
        }
    }
}

/// Time nouns read through a possessive besides weekdays and months: "last year's record".
/// Not "today": "today's GM" is the present, not a day.
const POSSESSIVE_TIME_NOUNS: &[&str] = &[
    "year",
    "month",
    "week",
    "quarter",
    "decade",
    "century",
    "weekend",
    "yesterday",
    "tomorrow",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// The stem of a time noun written with a possessive ("year's" → 5, the length of
/// "year"), unless it is part of a holiday's name ("New Year's Day").
fn possessive_time_noun(tokens: &[Token], k: usize, text: &str) -> Option<usize> {
    let word = tokens[k].text(text);
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))?;
    let holiday = k > 0 && tokens[k - 1].text(text).eq_ignore_ascii_case("new");
    let known = weekday(stem).is_some()
        || POSSESSIVE_TIME_NOUNS
            .iter()
            .chain(&MONTHS)
            .any(|n| n.eq_ignore_ascii_case(stem));
    (known && !holiday).then_some(stem.len())
}

/// The tokens with each possessive time noun split from its "'s", so the matchers see the
/// noun ("last year's" reads as "last year" and a trailing "'s"); borrowed when there is none.
fn split_possessives<'t>(tokens: &'t [Token], text: &str) -> std::borrow::Cow<'t, [Token]> {
    let at = |k: usize| {
        (tokens[k].kind == Kind::Word)
            .then(|| possessive_time_noun(tokens, k, text))
            .flatten()
    };
    let Some(first) = (0..tokens.len()).position(|k| at(k).is_some()) else {
        return std::borrow::Cow::Borrowed(tokens);
    };
    let mut out = Vec::with_capacity(tokens.len() + 4);
    out.extend_from_slice(&tokens[..first]);
    for (k, t) in tokens.iter().enumerate().skip(first) {
        match at(k) {
            Some(stem) => {
                let cut = t.start + stem;
                out.push(Token { end: cut, ..*t });
                out.push(Token {
                    kind: Kind::Punct,
                    start: cut,
                    end: t.end,
                    joined: true,
                });
            }
            None => out.push(*t),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Words a time expression can start with (lower case) besides the [`WEAK_STARTERS`];
/// anything else is skipped cheaply.
const STARTERS: &[&str] = &[
    "last",
    "this",
    "next",
    "past",
    "previous",
    "prior",
    "preceding",
    "current",
    "coming",
    "upcoming",
    "following",
    "early",
    "mid",
    "middle",
    "late",
    "end",
    "eod",
    "beginning",
    "start",
    "fiscal",
    "school",
    "calendar",
    "week",
    "fy",
    "sy",
    "cy",
    "w",
    "final",
    "yesterday",
    "today",
    "tomorrow",
    "year-to-date",
    "earlier",
    "so",
    "first",
    "second",
    "third",
    "fourth",
    // Days in words ("the fifth of May", "the twenty third day of September").
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "twenty",
    "thirty",
    // Decades in words ("the seventies", "the nineteen seventies").
    "nineteen",
    "noughties",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "week",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "tonight",
    "tonite",
    "noon",
    "noonish",
    "midday",
    "midnight",
    "spring",
    "summer",
    "autumn",
    "winter",
    "christmas",
    "xmas",
    "boxing",
    "new",
    "halloween",
    "valentine's",
    "valentines",
    "easter",
    "good",
    "thanksgiving",
    "black",
    "memorial",
];

/// Starter words and month names, looked up once per token.
struct Starters {
    words: rustc_hash::FxHashSet<&'static str>,
    /// Their shapes: most words are turned away without hashing.
    shapes: super::tokens::WordShapes,
}

impl Starters {
    /// The set of `words`, with their shapes.
    fn new(words: rustc_hash::FxHashSet<&'static str>) -> Self {
        let shapes = words
            .iter()
            .fold(super::tokens::WordShapes::of(&[]), |s, w| s.with(w));
        Starters { words, shapes }
    }

    /// Whether `word` (any case) may start a time expression.
    fn contains(&self, word: &str) -> bool {
        if !self.shapes.fits(word) {
            return false;
        }
        let mut buf = [0u8; 24];
        super::tokens::ascii_lower(word, &mut buf).is_some_and(|lower| self.words.contains(lower))
    }
}

static STARTER_SET: std::sync::LazyLock<Starters> = std::sync::LazyLock::new(|| {
    let months = MONTHS.iter().chain(&MONTH_ABBREVIATIONS).chain(&["sept"]);
    Starters::new(
        WEAK_STARTERS
            .iter()
            .chain(STARTERS)
            .chain(months)
            .copied()
            .collect(),
    )
});

/// Comparison signs that bound a time ("> = 2019", "< =2019", "=2019").
const COMPARISONS: &[&str] = &[">", "<", "="];

/// Function words that start a time expression only when what follows could continue it
/// ("in 2023", "the second half", "a year earlier", "as of"); checked before the matchers.
const WEAK_STARTERS: &[&str] = &[
    "in",
    "by",
    "since",
    "until",
    "till",
    "as",
    "during",
    "over",
    "for",
    "throughout",
    "within",
    "before",
    "after",
    "later",
    "starting",
    "no",
    "not",
    "the",
    "that",
    "a",
    "an",
    "around",
    "about",
    "more",
    "less",
    "greater",
    "circa",
    "approximately",
    "half",
    "quarter",
];

/// Whether the token after a possible starter at `i` lets a time go on: after a weak starter
/// something that may start or continue one ("in 2023", "in the", "a year"), after "<" or ">"
/// an "=" ("> = 2019"; "<ACME CORP>" is a company tag).
fn next_fits(tokens: &[Token], i: usize, text: &str) -> bool {
    let word = tokens[i].text(text);
    if matches!(word, "<" | ">") {
        return tokens.get(i + 1).is_some_and(|t| t.text(text) == "=");
    }
    if !WEAK_STARTERS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return true;
    }
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    let n = next.text(text);
    may_start_time(next, text)
        || [
            "of", "year", "decade", "month", "week", "day", "end", "same", "weekend", "than", "to",
            "on", "from", "around",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(n))
}

/// A cheap test run before the matchers: numbers, month names, quarter and fiscal-year codes,
/// and the words in [`WEAK_STARTERS`] and [`STARTERS`].
fn may_start_time(tok: &Token, text: &str) -> bool {
    match tok.kind {
        Kind::Number => true,
        // "> = 2019", "=2019": comparisons a query writes.
        Kind::Punct => COMPARISONS.contains(&tok.text(text)),
        Kind::Word => {
            let w = tok.text(text);
            if w.len() > 12 {
                return false;
            }
            if STARTER_SET.contains(w) {
                return true;
            }
            // Quarter codes ("Q1", "H2") and year codes glued to their year ("FY2023").
            let coded = w
                .as_bytes()
                .first()
                .is_some_and(|b| matches!(b | 0x20, b'q' | b'h' | b'f' | b's' | b'c'));
            coded && (quarter_code(w).is_some() || glued_year_code(w).is_some())
        }
        _ => false,
    }
}

/// Whether the number at `i` has the shape of a time: a year, a numeric date, a day before a
/// month ("5 June", "3-4 June", "5th of June"), or "N years ago".
fn number_may_start_time(c: &Cursor, i: usize) -> bool {
    if c.year(i).is_some() {
        return true;
    }
    let raw = c.raw(i).unwrap_or("");
    if raw.matches('.').count() == 2 || (c.joined(i + 1) && c.raw(i + 1) == Some("/")) {
        return true;
    }
    // "05-Aug-2016", "12-2015"
    if is_date_separator(c, i + 1) && (c.month(i + 2).is_some() || c.year(i + 2).is_some()) {
        return true;
    }
    // Clock times: "16:00", "8 a.m.", "0800 UTC", "5 to 6pm".
    // "5 to 6pm", "5 to seven in the morning", "5 and 6 in the afternoon"
    let marked =
        |k: usize| c.is(k, ":") || meridiem_at(c, k, true).is_some() || part_after(c, k).is_some();
    // "between 3 and 5 on 1/1/2015", "6-8 next Monday": bare hours before their day.
    if c.is_any(i + 1, &["to", "-", "–", "and"]) {
        let end_hour = c.int(i + 2).is_some() || hour_in_words(c, i + 2).is_some();
        let bare_hours = bare_hour(c, i).is_some() && bare_hour(c, i + 2).is_some();
        if (end_hour && marked(i + 3)) || (bare_hours && day_after_clock(c, i + 3).is_some()) {
            return true;
        }
    }
    if (c.joined(i + 1) && c.raw(i + 1) == Some(":"))
        || c.is_any(i + 1, &["UTC", "GMT", "past"])
        || is_oclock(c, i + 1)
        || is_ish(c, i + 1)
        || (c.int(i) == Some((12, 2)) && c.is(i + 1, "noon"))
        || meridiem_at(c, i + 1, true).is_some()
        || part_after(c, i + 1).is_some()
        || (c.is_any(i + 1, MINUTE_WORDS) && c.is_any(i + 2, &["past", "to"]))
    {
        return true;
    }
    let mut k = i + 1;
    if c.joined(k) && c.is_any(k, &["st", "nd", "rd", "th"]) {
        k += 1;
    }
    if c.is_any(k, &["-", "–", "to", "and"]) && c.int(k + 1).is_some() {
        k += 2;
        if c.joined(k) && c.is_any(k, &["st", "nd", "rd", "th"]) {
            k += 1;
        }
    }
    if c.is(k, "of") {
        k += 1;
    }
    // "5 years", "the 5 upcoming years"
    let direction = c.is_any(i + 1, COUNT_AHEAD) || c.is_any(i + 1, COUNT_BACK);
    let unit_at = i + 1 + usize::from(direction);
    c.month(k).is_some()
        || (c.is(k, "week") && c.is(k + 1, "of"))
        || c.word(unit_at).is_some_and(|w| {
            unit_months(w).is_some()
                || ["day", "days", "week", "weeks"]
                    .iter()
                    .any(|u| u.eq_ignore_ascii_case(w))
        })
}

/// A time expression found at a token: where it starts (preposition included), where the
/// expression itself starts, where it ends, and what it means.
struct Found {
    first: usize,
    core: usize,
    end: usize,
    when: When,
    deadline: bool,
    label: Label,
}

/// Words that make a clock time approximate ("around 1pm"); before a date they are left out.
const APPROXIMATELY: &[&str] = &["around", "about", "circa", "approximately"];

/// A time expression at `i`, with a leading preposition folded into it.
fn with_preposition(c: &Cursor, i: usize) -> Option<Found> {
    let preps: &[(&[&str], bool)] = &[
        (&["by", "the", "end", "of"], true),
        (&["by", "end", "of"], true),
        (&["as", "of"], false),
        (&["by"], true),
        (&["until"], true),
        (&["till"], true),
        (&["since"], false),
        (&["before"], false),
        (&["prior", "to"], false),
        (&["earlier", "than"], false),
        (&["after"], false),
        (&["later", "than"], false),
        (&["starting", "on"], false),
        (&["starting", "from"], false),
        (&["starting", "in"], false),
        (&["starting"], false),
        (&["beginning", "on"], false),
        (&["beginning", "in"], false),
        (&["beginning"], false),
        (&["as", "early", "as"], false),
        (&["as", "late", "as"], false),
        (&["no", "later", "than"], true),
        (&["not", "later", "than"], true),
        (&["before", "around"], false),
        (&["after", "around"], false),
        (&["around"], false),
        (&["about"], false),
        (&["circa"], false),
        (&["approximately"], false),
        (&["in"], false),
        (&["during"], false),
        (&["over"], false),
        (&["for"], false),
        (&["throughout"], false),
        (&["within"], false),
        (&["more", "than"], false),
        (&["less", "than"], false),
        (&["greater", "than"], false),
        (&[">", "="], false),
        (&["<", "="], false),
        (&["="], false),
    ];
    let mut buf = [0u8; 24];
    let first = c.raw(i).map_or("", |w| keyword(w, &mut buf));
    for (words, deadline) in preps {
        if words[0] == first && c.is_seq(i + 1, &words[1..]) {
            let core = i + words.len();
            // "by the end of the year": the whole period is the deadline.
            let at = if words.contains(&"end") {
                period_at(c, core)
            } else {
                time_at(c, core)
            };
            if let Some((end, when, label)) = at {
                // "around 1pm", "before around 2pm": an approximate clock time ("how about
                // Sunday at 7" asks).
                let asks = i > 0 && c.is_any(i - 1, &["how", "what"]);
                // "more than 2 weeks after today" bounds a day counted from another; "more
                // than 2000 tonnes" is no time.
                let count_bound = matches!(words, ["more" | "less", "than"]);
                if count_bound && !matches!(when, When::Shifted(..)) {
                    continue;
                }
                // "where year is greater than 2015" bounds a year; "five times greater than
                // 1985" compares amounts.
                let of_year = (i.saturating_sub(3)..i).any(|j| c.is_any(j, &["year", "years"]));
                if words == &["greater", "than"] && !of_year {
                    continue;
                }
                if words.iter().any(|w| APPROXIMATELY.contains(w))
                    && (asks || !matches!(label, Label::Clock(..)))
                {
                    continue;
                }
                let fixed = match when {
                    When::Fixed(s, e) => Some((s, e)),
                    When::Part(End::Fixed(s, e), part) => part_days(s, e, part),
                    _ => None,
                };
                let (when, label) = match (words == &["since"], when) {
                    (true, _) if fixed.is_some() => {
                        let (s, e) = fixed?;
                        (When::Relative(Rel::Since(s)), Label::Anchor(s, e))
                    }
                    // "until Friday", "by Monday": the coming one.
                    (false, When::Relative(Rel::Weekday(d, 0) | Rel::ComingWeekday(d)))
                        if *deadline =>
                    {
                        (When::Relative(Rel::Weekday(d, 1)), label)
                    }
                    // "until June", "by the end of March": the coming one, unless the clause
                    // tells of something done ("sales rose until June").
                    (false, When::Relative(Rel::Month(m)))
                        if *deadline && !c.tells_of_past_around(i, end) =>
                    {
                        (When::Relative(Rel::ComingMonth(m)), label)
                    }
                    (false, When::Part(End::Relative(Rel::Month(m)), part))
                        if *deadline && !c.tells_of_past_around(i, end) =>
                    {
                        (When::Part(End::Relative(Rel::ComingMonth(m)), part), label)
                    }
                    _ => (when, label),
                };
                let is_future_capable = !matches!(
                    when,
                    When::Relative(
                        Rel::Past(_) | Rel::Days(_) | Rel::Weekday(..) | Rel::ComingWeekday(_)
                    )
                );
                return Some(Found {
                    first: i,
                    core,
                    end,
                    when,
                    deadline: *deadline && is_future_capable,
                    label,
                });
            }
        }
    }
    time_at(c, i).map(|(end, when, label)| Found {
        first: i,
        core: i,
        end,
        when,
        deadline: false,
        label,
    })
}

fn time_at(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    if !may_begin_at(c, i) {
        return None;
    }
    let plain = |h: Option<Hit>| h.map(|(e, w)| (e, w, Label::Plain));
    let found = plain(week_of(c, i))
        .or_else(|| plain(week_number(c, i)))
        .or_else(|| plain(weekday_in_week(c, i)))
        .or_else(|| plain(weekday_then_date(c, i)))
        .or_else(|| plain(numeric_date(c, i)))
        .or_else(|| plain(month_slash_day(c, i)))
        .or_else(|| plain(day_first_date(c, i)))
        .or_else(|| plain(month_first_date(c, i)))
        .or_else(|| plain(week_ended(c, i)))
        .or_else(|| plain(quarter_or_half(c, i)))
        .or_else(|| plain(year_then_quarter(c, i)))
        .or_else(|| end_of_day(c, i))
        .or_else(|| plain(day_of_month_alone(c, i)))
        .or_else(|| plain(part_of_period(c, i)))
        .or_else(|| plain(slice_of_period(c, i)))
        .or_else(|| clock_time(c, i))
        .or_else(|| words_only(c, i, day_part))
        .or_else(|| words_only(c, i, weekdays_in_plural))
        .or_else(|| words_only(c, i, named_month))
        .or_else(|| words_only(c, i, season))
        .or_else(|| words_only(c, i, holiday))
        .or_else(|| plain(century(c, i)))
        .or_else(|| plain(short_decade(c, i)))
        .or_else(|| year_forms(c, i))
        .or_else(|| relative_year_of_kind(c, i))
        .or_else(|| plain(relative(c, i)))?;
    Some(with_clock(c, with_day_part(c, found)))
}

/// Whether a time may begin at `i` as far as its first words tell: not on a word that only
/// leads to one ([`leads_to_time_only`]), and on an article only when the next word goes on
/// with a time ("the first half", "the 1990s", "a year ago", "that day"). "the" and "a"
/// start a third of the tries over news, nearly all in vain ("the U.S.", "a new").
fn may_begin_at(c: &Cursor, i: usize) -> bool {
    let Some(w) = c.word(i) else {
        return true;
    };
    let next = c
        .tok(i + 1)
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(c.text));
    let mut buf = [0u8; 24];
    let next_word = next.map(|n| keyword(n, &mut buf));
    let follows = |words: &[&str]| next_word.is_some_and(|n| words.contains(&n));
    match keyword(w, &mut [0; 24]) {
        // "the '90s", "the 1990s", "the 20th century"
        "the" => {
            next.is_none()
                || follows(AFTER_THE)
                || next_word.is_some_and(|n| {
                    ordinal(n).is_some()
                        || ordinal_word(n).is_some()
                        || quarter_code(n).is_some()
                        || decade_tens(n).is_some()
                })
        }
        "a" | "an" => follows(AFTER_A),
        "that" => follows(&["day", "same"]),
        // "New Year's Day" (not "New York")
        "new" => next.is_some_and(|n| n.get(..4).is_some_and(|y| y.eq_ignore_ascii_case("year"))),
        // "two years ago", "five past seven", "seven o'clock", "ten to 5", "seven thirty pm"
        lower if NUMBER_WORDS.contains(&lower) => {
            next.is_none()
                || follows(AFTER_COUNT)
                || next.is_some_and(|n| OCLOCK.iter().any(|o| o.eq_ignore_ascii_case(n)))
        }
        _ => !leads_to_time_only(w),
    }
}

/// Words after "the" that go on with a time, besides ordinals, quarter codes and decades
/// ("the third quarter", "the Q1", "the sixties"): the week, a part or slice of a period, a
/// season, "the nineteen seventies", a determiner, "the year before", "the weekend", "the
/// same day", "the eod".
const AFTER_THE: &[&str] = &[
    "week",
    "last",
    "final",
    "eod",
    "end",
    "early",
    "beginning",
    "start",
    "mid",
    "middle",
    "late",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "nineteen",
    "previous",
    "prior",
    "preceding",
    "this",
    "current",
    "next",
    "coming",
    "following",
    "past",
    "year",
    "weekend",
    "day",
    "same",
    "twenty",
    "thirty",
];

/// Words after "a" or "an" that go on with a time: a unit counted ("a week ago", "a year
/// earlier", "a month from now") and "a quarter past".
const AFTER_A: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
    "quarter",
];

/// Words after a number word from one to twelve that go on with a time: a unit counted
/// ("two years ago", "three days after May 1"), a direction ("the two coming weeks"), a clock
/// time's minutes, "past" or "to", a range's join, am or pm, a part of the day ("seven in the
/// morning", "nine at night"), "o'clock" ([`OCLOCK`]).
const AFTER_COUNT: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "next",
    "upcoming",
    "coming",
    "following",
    "past",
    "previous",
    "last",
    "minutes",
    "minute",
    "min",
    "mins",
    "to",
    "and",
    "till",
    "until",
    "through",
    "in",
    "at",
    "am",
    "pm",
    "a.m.",
    "a.m",
    "p.m.",
    "p.m",
    "a",
    "p",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
];

/// The [`WEAK_STARTERS`] a matcher can begin on: articles and "that" (let through by what
/// follows them), "later" ("later this year"), "half" and "quarter" ("half past seven").
const WEAK_STARTERS_BEGINNING_TIMES: &[&str] =
    &["the", "a", "an", "that", "later", "half", "quarter"];

/// Whether `w` is a word that comes before a time but never begins one: one of the other
/// [`WEAK_STARTERS`], a preposition or a bound ("in 2023", "by Friday", "more than 2 weeks
/// after today"), read by [`with_preposition`]. No matcher starts on them, so [`time_at`]
/// turns them away at once (a quarter of its tries over news).
fn leads_to_time_only(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let lower = keyword(w, &mut buf);
    WEAK_STARTERS.contains(&lower) && !WEAK_STARTERS_BEGINNING_TIMES.contains(&lower)
}

/// "Thursdays": every Thursday (made a set by [`as_every`]).
fn weekdays_in_plural(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    let day = plural_weekday(c.word(i)?)?;
    Some((i + 1, When::Relative(Rel::Weekday(day, 0)), Label::Plain))
}

/// "this September", "next May", "last sept".
fn named_month(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    let dir = determiner(c, i)?;
    let (m, end) = c.month(i + 1).or_else(|| {
        // Lower-case month names are safe after a determiner ("last sept"), except those
        // that are words ("this may mean").
        let w = c.word(i + 1)?;
        if w.eq_ignore_ascii_case("may") || w.eq_ignore_ascii_case("march") {
            return None;
        }
        let m = month_number(w)?;
        Some((m, i + 2))
    })?;
    Some((end, When::Relative(Rel::MonthIn(m, dir)), Label::Plain))
}

/// "this" (0), "next" (1), "last" (-1).
fn determiner(c: &Cursor, i: usize) -> Option<i32> {
    let initial = c.word(i)?.as_bytes().first()?.to_ascii_lowercase();
    if !matches!(initial, b't' | b'n' | b'c' | b'l' | b'p') {
        return None;
    }
    if c.is(i, "this") {
        Some(0)
    } else if c.is_any(i, &["next", "coming"]) {
        Some(1)
    } else if c.is_any(i, &["last", "past"]) {
        Some(-1)
    } else {
        None
    }
}

/// Seasons: "this summer", "last winter", "spring 2009", "the autumn of 2010".
fn season(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    let dir = determiner(c, i);
    let the = usize::from(dir.is_none() && c.is(i, "the"));
    let k = i + usize::from(dir.is_some()) + the;
    let w = c.word(k)?;
    let (first, code) = [
        ("spring", 3, "SP"),
        ("summer", 6, "SU"),
        ("autumn", 9, "FA"),
        ("fall", 9, "FA"),
        ("winter", 12, "WI"),
    ]
    .iter()
    .find(|(name, _, _)| name.eq_ignore_ascii_case(w))
    .map(|&(_, m, code)| (m, code))?;
    let of = usize::from(c.is(k + 1, "of"));
    if let Some(y) = c.year(k + 1 + of) {
        let start = Date::new(i16::try_from(y).ok()?, first, 1).ok()?;
        let end = add_months(start, 3)?.yesterday().ok()?;
        return Some((k + 2 + of, When::Fixed(start, end), Label::Season(code)));
    }
    // Without a year only after "this", "next" or "last" ("the fall" is mostly a drop).
    let dir = dir?;
    Some((
        k + 1,
        When::Relative(Rel::Season(first, dir)),
        Label::Season(code),
    ))
}

/// Holidays: "Christmas", "Easter 2018", "last Thanksgiving", "the following Easter",
/// "Christmas of next year". A holiday alone is the nearest one to publication.
fn holiday(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    let dir = determiner(c, i).or_else(|| {
        if c.is(i, "previous") {
            Some(-1)
        } else if c.is(i, "following") {
            Some(1)
        } else {
            None
        }
    });
    let k = i + usize::from(dir.is_some());
    let (words, day) = HOLIDAYS.iter().find(|(words, _)| {
        words.iter().enumerate().all(|(n, w)| {
            c.word(k + n)
                .is_some_and(|t| same_word_any_apostrophe(t, w))
        })
    })?;
    let end = k + words.len();
    // "Easter Island", "Christmas Seals": a name goes on in capitals. "the Christmas sales
    // period", "the Easter holidays": a season around the day, not the day.
    if c.word(end).is_some_and(|w| {
        w.starts_with(char::is_uppercase) && any_weekday(w).is_none() && month_number(w).is_none()
    }) || c.is_any(end, HOLIDAY_SEASON_WORDS)
        || c.is(end, "and") && c.is_any(end + 3, HOLIDAY_SEASON_WORDS)
    {
        return None;
    }
    let of = usize::from(c.is(end, "of"));
    if let Some(y) = c.year(end + of) {
        let d = holiday_in(*day, y)?;
        return Some((end + 1 + of, When::Fixed(d, d), Label::Plain));
    }
    // "Christmas of this year", "Easter of next year".
    if of == 1 && c.is(end + 2, "year") {
        if let Some(n) = determiner(c, end + 1) {
            return Some((
                end + 3,
                When::Relative(Rel::HolidayOfYear(*day, n)),
                Label::Plain,
            ));
        }
    }
    let when = match dir {
        Some(0) => Rel::HolidayOfYear(*day, 0),
        Some(n) => Rel::Holiday(*day, n),
        None => Rel::Holiday(*day, 0),
    };
    Some((end, When::Relative(when), Label::Plain))
}

/// True when `word` is `lower` in any case, a typographic apostrophe counting as "'"
/// ("New Year’s"); compared without allocating, as this runs for every starter word.
fn same_word_any_apostrophe(word: &str, lower: &str) -> bool {
    word.chars()
        .map(|ch| {
            if ch == '’' {
                '\''
            } else {
                ch.to_ascii_lowercase()
            }
        })
        .eq(lower.chars())
}

/// A matcher's result: where the expression ends, what it means and how its value reads.
type Labelled = Option<(usize, When, Label)>;

/// Runs a matcher that needs a word at `i` only when there is one.
fn words_only(c: &Cursor, i: usize, matcher: fn(&Cursor, usize) -> Labelled) -> Labelled {
    c.word(i).and_then(|_| matcher(c, i))
}

/// A part of the day written after a day ("Friday morning", "yesterday night").
fn part_word(w: &str) -> Option<&'static str> {
    let mut buf = [0u8; 24];
    Some(match super::tokens::ascii_lower(w, &mut buf)? {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// A part of the day written after a single day: "Tuesday afternoon", "Tuesday in the
/// morning".
fn with_day_part(c: &Cursor, (end, when, label): (usize, When, Label)) -> (usize, When, Label) {
    if !is_one_day(when) || label != Label::Plain {
        return (end, when, label);
    }
    let at = if c.is(end, "in") && c.is(end + 1, "the") {
        end + 2
    } else {
        end
    };
    match c.word(at).and_then(part_word) {
        Some(part) => (at + 1, when, Label::DayPart(part)),
        None => (end, when, label),
    }
}

/// "this morning", "tonight", "last night", "this weekend", "the same day", "that day".
fn day_part(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    if c.is_any(i, &["tonight", "tonite"]) {
        return Some((i + 1, When::Relative(Rel::Days(0)), Label::DayPart("NI")));
    }
    // "the weekend", "this weekend", "last weekend", "next weekend"
    if c.is(i + 1, "weekend") {
        // "sold over the weekend, he said" in a Monday story: the weekend just gone; not "may
        // be concluded over the weekend".
        let modal =
            (i.saturating_sub(6)..i).any(|j| c.is_any(j, &["may", "might", "could", "can"]));
        let told_of_past =
            c.is(i, "the") && !(c.future_before(i) || modal) && c.tells_of_past_around(i, i + 2);
        let weeks = if told_of_past {
            Some(Rel::WeekOfLastWeekend)
        } else if c.is_any(i, &["the", "this"]) {
            Some(Rel::Weeks(0))
        } else if c.is(i, "last") {
            Some(Rel::Weeks(-1))
        } else if c.is(i, "next") {
            Some(Rel::Weeks(1))
        } else {
            None
        };
        if let Some(rel) = weeks {
            return Some((i + 2, When::Relative(rel), Label::Weekend));
        }
    }
    // "the day", "the same day", "that day": the day the story is about, taken as its date.
    let same = usize::from(c.is(i + 1, "same"));
    let the_day = (c.is(i, "the") || c.is(i, "that")) && c.is(i + 1 + same, "day");
    let followed = c.word(i + 2 + same).is_some_and(|w| {
        [
            "of", "when", "that", "after", "before", "in", "on", "to", "is", "was",
        ]
        .iter()
        .any(|x| x.eq_ignore_ascii_case(w))
    });
    if the_day && !followed {
        return Some((i + 2 + same, When::Relative(Rel::Days(0)), Label::Plain));
    }
    let offset = if c.is(i, "this") {
        0
    } else if c.is(i, "last") && c.is(i + 1, "night") {
        -1
    } else {
        return None;
    };
    let part = c.word(i + 1).and_then(part_word)?;
    Some((
        i + 2,
        When::Relative(Rel::Days(offset)),
        Label::DayPart(part),
    ))
}

/// A clock time: "16:00 UTC", "6:40 p.m.", "0800 GMT", "8 a.m."; on the day written after it
/// ("12:00 UTC Monday", "16:00 UTC today"), else on the publication day.
fn clock_time(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    // "12 noon", "mid night"
    let mid_night = c.is_seq(i, &["mid", "night"]);
    let i = i + usize::from((c.int(i) == Some((12, 2)) && c.is(i + 1, "noon")) || mid_night);
    if mid_night || (c.word(i).is_some() && c.is_any(i, &["noon", "noonish", "midday", "midnight"]))
    {
        let hour = if mid_night || c.is(i, "midnight") {
            0
        } else {
            12
        };
        let (end, when) = match relative(c, i + 1) {
            Some((
                e,
                w @ When::Relative(
                    Rel::Days(_)
                    | Rel::Weekday(..)
                    | Rel::ComingWeekday(_)
                    | Rel::WeekdayOfWeek(..),
                ),
            )) => (e, w),
            _ => (i + 1, When::Relative(Rel::Days(0))),
        };
        return Some((end, when, Label::Clock(hour, 0, 0)));
    }
    let (k, label) = match clock_range(c, i, false) {
        Some(range) => range,
        None => {
            let r = clock_reading(c, i, false)?;
            (r.end, Label::Clock(r.hour, r.minute, r.second))
        }
    };
    let (end, when) = day_after_clock(c, k).unwrap_or((k, When::Relative(Rel::Days(0))));
    // "7 last night", "between 10 and 11:30 this morning", "3-8pm yesterday afternoon".
    let (end, part) = match (c.word(end).and_then(part_word), words_only(c, k, day_part)) {
        (Some(part), _) => (end + 1, Some(part)),
        (None, Some((e, _, Label::DayPart(part)))) if e == end => (end, Some(part)),
        _ => (end, None),
    };
    Some((end, when, in_day_part(label, part)))
}

/// A clock time read in the part of the day written with it: "7 last night" is 19:00, "10 to
/// 11:30 this morning" no longer reads as the evening too.
fn in_day_part(label: Label, part: Option<&str>) -> Label {
    let Some(part) = part else {
        return label;
    };
    let pm = part != "MO";
    let later = |(h, m): (i8, i8)| {
        if pm && (1..12).contains(&h) {
            (h + 12, m)
        } else {
            (h, m)
        }
    };
    match label {
        Label::Clock(h, m, sec) => {
            let (h, m) = later((h, m));
            Label::Clock(h, m, sec)
        }
        Label::ClockRange {
            from,
            to,
            ambiguous: true,
            written,
        } => Label::ClockRange {
            from: later(from),
            to: later(to),
            ambiguous: false,
            written,
        },
        label => label,
    }
}

/// The day a clock time is on when written after it: "today", "Monday", "this morning",
/// "on Friday", "on April 22", "of April 22", "on 1/1/2015".
fn day_after_clock(c: &Cursor, k: usize) -> Option<Hit> {
    let on = usize::from(c.is_any(k, &["on", "of"]));
    if let Some((
        e,
        w @ When::Relative(
            Rel::Days(_) | Rel::Weekday(..) | Rel::ComingWeekday(_) | Rel::WeekdayOfWeek(..),
        ),
    )) = relative(c, k + on)
    {
        return Some((e, w));
    }
    if let Some((e, w, _)) = words_only(c, k, day_part) {
        return Some((e, w));
    }
    weekday_then_date(c, k + on)
        .or_else(|| numeric_date(c, k + on))
        .or_else(|| day_first_date(c, k + on))
        .or_else(|| month_first_date(c, k + on))
        .filter(|(_, w)| is_one_day(*w))
}

/// A clock time as written.
struct ClockReading {
    /// The token after it.
    end: usize,
    /// 24-hour.
    hour: i8,
    minute: i8,
    /// Seconds, when written ("8:00:31").
    second: i8,
    /// "pm" (true) or "am" (false), when written.
    meridiem: Option<bool>,
    /// Minutes written with a colon or dot ("8:00", "8.30pm").
    minutes_written: bool,
}

/// A clock reading at `i`: "16:00", "6:40 p.m.", "8.30pm", "0800 GMT", "1140 a.m.", "8
/// a.m.", "7 o'clock", "5 in the morning" (after a clock word such as "at"), minutes past or
/// to an hour ([`past_or_to`]), an hour in words ([`spoken_clock`]), and when `bare`, a lone
/// hour ("at 5").
fn clock_reading(c: &Cursor, i: usize, bare: bool) -> Option<ClockReading> {
    let mut k = i + 1;
    let marked = |k: usize| meridiem_at(c, k, bare).is_some() || is_oclock(c, k);
    let after_clock_word = i > 0 && c.is_any(i - 1, CLOCK_WORDS);
    let mut minutes_written = true;
    let mut second = 0;
    // Minutes past or to an hour are a clock time whatever follows ("20 min past eight in the
    // evening").
    let mut spoken = false;
    let (hour, minute) = if let Some((h, m, end)) = past_or_to(c, i) {
        k = end;
        spoken = true;
        (h, m)
    } else if let Some((h, hlen)) = c.int(i) {
        if c.joined(k) && c.raw(k) == Some(":") && c.joined(k + 1) {
            let (m, mlen) = c.int(k + 1)?;
            k += 2;
            // "8:00:31"
            if c.joined(k) && c.raw(k) == Some(":") {
                if let Some((sec, 2)) = c.int(k + 1) {
                    second = sec;
                    k += 2;
                }
            }
            (h, if mlen == 2 { m } else { return None })
        } else if hlen == 4 && (c.is_any(k, &["UTC", "GMT"]) || marked(k)) {
            minutes_written = false;
            (h / 100, h % 100)
        } else if hlen <= 2
            && (marked(k)
                || is_ish(c, k)
                || (part_after(c, k).is_some() && (bare || after_clock_word))
                || (bare
                    && (c
                        .raw(k)
                        .is_none_or(|r| [".", ",", ";", "!", "?", ")"].contains(&r))
                        || c.is_any(k, RANGE_JOINS))))
        {
            minutes_written = false;
            (h, 0)
        } else {
            return None;
        }
    } else if let Some((h, m, end)) = spoken_clock(c, i, bare, after_clock_word) {
        minutes_written = m.is_some();
        k = end;
        (h, m.unwrap_or(0))
    } else {
        // "8.30pm"
        let raw = c.tok(i).filter(|t| t.kind == Kind::Number)?.text(c.text);
        let (h, m) = raw.split_once('.')?;
        if m.len() != 2 || h.len() > 2 || !marked(k) {
            return None;
        }
        (h.parse().ok()?, m.parse().ok()?)
    };
    if hour > 24 || minute > 59 || second > 59 {
        return None;
    }
    let mut hour = i8::try_from(hour).ok()?;
    k += usize::from(is_oclock(c, k) || is_ish(c, k));
    let meridiem = meridiem_at(c, k, bare || minutes_written)
        .or_else(|| part_after(c, k).filter(|_| bare || after_clock_word || spoken));
    if let Some((pm, end)) = meridiem {
        hour = match (pm, hour) {
            (true, h) if h < 12 => h + 12,
            (false, 12) => 0,
            (_, h) => h,
        };
        k = end;
    }
    if c.is_any(k, &["UTC", "GMT", "Z"]) {
        k += 1;
    }
    Some(ClockReading {
        end: k,
        hour,
        minute: i8::try_from(minute).ok()?,
        second: i8::try_from(second).ok()?,
        meridiem: meridiem.map(|(pm, _)| pm),
        minutes_written,
    })
}

/// A lone hour at `k` ("3" in "6-8 next Monday", "from 10:30 to 3 on 1/1/2015"): an end of a
/// clock range beside its day.
fn bare_hour(c: &Cursor, k: usize) -> Option<ClockReading> {
    let (hour, len) = c.int(k)?;
    if len > 2 || hour > 24 {
        return None;
    }
    Some(ClockReading {
        end: k + 1,
        hour: i8::try_from(hour).ok()?,
        minute: 0,
        second: 0,
        meridiem: None,
        minutes_written: false,
    })
}

/// Words that make two numbers joined by a dash a score or a vote, not hours.
const SCORE_WORDS: &[&str] = &[
    "beat", "beats", "won", "win", "wins", "lost", "lose", "loses", "defeated", "defeat", "drew",
    "draw", "voted", "vote", "votes", "ruled", "led", "lead", "leads", "trailed", "scored",
    "score", "victory", "edged", "routed", "loss", "margin", "majority", "decision", "against",
    "over", "approved", "passed", "rejected", "adopted",
];

/// Whether bare hours from token `first` to `end` are a clock range for the day beside them:
/// after "between" or "from" with a day after them ("between 3 and 8 yesterday"), or joined
/// by a dash right after a weekday (`after_weekday`: "Monday 3-8") or before one ("6-8 next
/// Monday"), in a clause that tells of no score or vote ("beat Boston 6-4 Monday"). Prices
/// and ratios beside dates ("today at 6-1", "March 1, 1994, 8-1") are none. `day_after` is
/// the day written after them, if any ([`day_after_clock`] at `end`).
fn beside_its_day(
    c: &Cursor,
    (first, end): (usize, usize),
    after_weekday: bool,
    day_after: Option<Hit>,
) -> bool {
    let led = first > 0 && c.is_any(first - 1, &["between", "from"]);
    let weekday_after = day_after.is_some_and(|(_, w)| is_weekday(w));
    ((led && day_after.is_some()) || after_weekday || weekday_after)
        && !tells_of_score(c, first, end)
}

/// Whether a time is a weekday ("Monday", "next Monday", "this coming Friday").
fn is_weekday(when: When) -> bool {
    matches!(
        when,
        When::Relative(
            Rel::Weekday(..) | Rel::ComingWeekday(_) | Rel::WeekdayOfWeek(..) | Rel::WeekdayDay(..)
        )
    )
}

/// Whether the clause around tokens `first..end` tells of a score or a vote: one of
/// [`SCORE_WORDS`] within eight tokens before or three after.
fn tells_of_score(c: &Cursor, first: usize, end: usize) -> bool {
    let stop = |j: &usize| !c.is_any(*j, CLAUSE_ENDS);
    (first.saturating_sub(8)..first)
        .rev()
        .take_while(stop)
        .chain((end..end + 3).take_while(stop))
        .any(|j| c.is_any(j, SCORE_WORDS))
}

/// "ish" glued to an hour ("11ish"): about then.
fn is_ish(c: &Cursor, k: usize) -> bool {
    c.joined(k) && c.is(k, "ish")
}

/// The spellings of "o'clock".
const OCLOCK: [&str; 3] = ["o'clock", "oclock", "o’clock"];

/// "o'clock" as written: in lower case or all capitals ("8 O'Clock" is a coffee).
fn is_oclock(c: &Cursor, k: usize) -> bool {
    c.raw(k)
        .is_some_and(|w| OCLOCK.contains(&w) || ["O'CLOCK", "OCLOCK", "O’CLOCK"].contains(&w))
}

/// The word for minutes after a count ("20 min past eight", "six forty-three minutes").
const MINUTE_WORDS: &[&str] = &["minutes", "minute", "min", "mins"];

/// Words that join a bare hour to the other end of a clock range ("5 to seven in the
/// morning", "between 5 and 6pm").
const RANGE_JOINS: &[&str] = &["to", "and", "till", "until", "through"];

/// Words after which a number is read as a clock time ("at 5 in the morning").
const CLOCK_WORDS: &[&str] = &[
    "at", "@", "around", "about", "circa", "from", "until", "till", "before", "after", "by",
];

/// Am or pm written at `k`: "pm", "p.m.", "p m", "p . m .", "9.am", and when `glued_too` a
/// letter glued to the number ("9a", "7p", "8:45a"). `(is_pm, end)`.
fn meridiem_at(c: &Cursor, k: usize, glued_too: bool) -> Option<(bool, usize)> {
    // "9.am"
    let dotted = c.raw(k) == Some(".") && c.joined(k) && c.joined(k + 1);
    let at = k + usize::from(dotted);
    let mut buf = [0u8; 24];
    let word = super::tokens::ascii_lower(c.raw(at)?, &mut buf)?;
    let pm = match word {
        "am" | "a.m." | "a.m" => return Some((false, at + 1)),
        "pm" | "p.m." | "p.m" => return Some((true, at + 1)),
        "a" => false,
        "p" => true,
        _ => return None,
    };
    if dotted {
        return None;
    }
    if c.is(at + 1, "m") {
        return Some((pm, at + 2));
    }
    // "p . m ."
    if c.is(at + 1, ".") && c.is(at + 2, "m") {
        return Some((pm, at + 3 + usize::from(c.is(at + 3, "."))));
    }
    (glued_too && c.joined(at) && c.word(at + 1).is_none()).then_some((pm, at + 1))
}

/// "in the morning" (am) or "in the afternoon", "in the evening", "at night" (pm) after a
/// clock time, when no noun follows ("in the morning session" is no clock's).
fn part_after(c: &Cursor, k: usize) -> Option<(bool, usize)> {
    let at = if c.is_seq(k, &["in", "the"]) {
        k + 2
    } else if c.is(k, "at") && c.is(k + 1, "night") {
        k + 1
    } else {
        return None;
    };
    let part = c.word(at).and_then(part_word)?;
    let ends = c.word(at + 1).is_none()
        || c.is_any(
            at + 1,
            &[
                "and", "or", "to", "until", "till", "on", "at", "of", "for", "when", "with",
            ],
        );
    ends.then_some((part != "MO", at + 1))
}

/// A clock time in words: an hour with a marker after it ("six pm", "nine o'clock"); after a
/// clock word with a part of the day ("at five in the morning"); when `bare` (after a day and
/// "at", an end of a range) with its minutes ("seven twenty-seven", "five-thirty", "six
/// forty-three minutes") or before the word that joins a range. `(hour, minutes when
/// written, end)`.
fn spoken_clock(
    c: &Cursor,
    i: usize,
    bare: bool,
    after_clock_word: bool,
) -> Option<(u32, Option<u32>, usize)> {
    let (h, mut k) = hour_in_words(c, i)?;
    // "five-thirty"
    if c.is(k, "-") && c.joined(k) && c.joined(k + 1) {
        k += 1;
    }
    // Minutes in words from ten ("two-thirds" is no clock time).
    let minutes = number_at(c.tokens, k, c.text)
        .filter(|n| !n.digits && n.scale == 1.0 && n.value.fract() == 0.0)
        .filter(|n| (10.0..60.0).contains(&n.value));
    let (minute, k) = match minutes {
        Some(n) => {
            let unit = c.is_any(n.end, MINUTE_WORDS);
            (Some(n.value as u32), n.end + usize::from(unit))
        }
        None => (None, i + 1),
    };
    // "four AM stations" is radio.
    let meridiem = meridiem_at(c, k, false)
        .filter(|&(_, e)| bare || after_clock_word || c.word(e).is_none() || e > k + 1);
    let marked = is_oclock(c, k) || meridiem.is_some();
    let parted = (bare || after_clock_word) && part_after(c, k).is_some();
    let ranged = bare && c.is_any(k, RANGE_JOINS);
    let accepted = marked || parted || (bare && minute.is_some()) || ranged;
    accepted.then_some((h, minute, k))
}

/// An hour from one to twelve in words at `k`, and the token after it.
fn hour_in_words(c: &Cursor, k: usize) -> Option<(u32, usize)> {
    let w = c.word(k)?;
    let h = number_word(w).filter(|_| !c.is_any(k, &["a", "an"]))?;
    Some((u32::try_from(h).ok()?, k + 1))
}

/// "half past seven", "quarter to nine", "a quarter past 5", "20 min past eight", "ten past
/// 9", "twenty to six": `(hour, minute, end)`. "ten to nine" without a unit may be a range
/// of hours, so "to" needs a quarter, a unit or minutes past twelve in words.
fn past_or_to(c: &Cursor, i: usize) -> Option<(u32, u32, usize)> {
    let k = i + usize::from(c.is(i, "a") && c.is(i + 1, "quarter"));
    let (m, fraction, digits, k) = if c.is(k, "half") {
        (30, true, false, k + 1)
    } else if c.is(k, "quarter") {
        (15, true, false, k + 1)
    } else {
        let n = number_at(c.tokens, k, c.text)
            .filter(|n| n.scale == 1.0 && n.value.fract() == 0.0)
            .filter(|n| (1.0..60.0).contains(&n.value))?;
        (n.value as u32, false, n.digits, n.end)
    };
    let unit = c.is_any(k, MINUTE_WORDS);
    let k = k + usize::from(unit);
    // "one-quarter to one-third" is a fraction, "a half to one percentage point" too, and "16
    // to 6" a vote: "to" takes a quarter, a unit or minutes past twelve in words.
    let hyphened = i > 0 && c.joined(i) && c.is(i - 1, "-");
    let to_fits = (m == 15 && fraction && !hyphened) || unit || (!fraction && !digits && m > 12);
    let past = match c.word(k) {
        Some(w) if w.eq_ignore_ascii_case("past") => true,
        Some(w) if w.eq_ignore_ascii_case("to") && to_fits => false,
        _ => return None,
    };
    let (h, end) = hour_in_words(c, k + 1).or_else(|| {
        let (h, len) = c.int(k + 1)?;
        (len <= 2 && (1..=12).contains(&h)).then_some((h, k + 2))
    })?;
    // "from three minutes to one minute", "to one-third": the hour is a count.
    let counted = (c.joined(end) && c.is(end, "-"))
        || c.is_any(
            end,
            &[
                "minute", "minutes", "percent", "pct", "per", "point", "points",
            ],
        );
    if counted {
        return None;
    }
    if past {
        Some((h, m, end))
    } else {
        Some((if h == 1 { 12 } else { h - 1 }, 60 - m, end))
    }
}

/// From one clock time to another: "5 to 6pm", "10am-12pm", "3:00 to 4:00", "3 and 8am"
/// (after "between"). One end must say it is a clock time (am/pm or minutes); an end with
/// no am/pm takes the other's when that keeps the order ("5 to 6pm" is 17:00–18:00). Bare
/// hours are a range beside their day ([`beside_its_day`]; "Monday 3-8" when
/// `after_weekday`).
fn clock_range(c: &Cursor, i: usize, after_weekday: bool) -> Option<(usize, Label)> {
    if !c.join_clocks {
        return None;
    }
    let first = clock_reading(c, i, true).or_else(|| bare_hour(c, i))?;
    let k = first.end;
    let between = i > 0 && c.is(i - 1, "between");
    let joins =
        c.is_any(k, &["to", "-", "–", "till", "until", "through"]) || (between && c.is(k, "and"));
    if !joins {
        return None;
    }
    let read_second = clock_reading(c, k + 1, true);
    let bare_second = read_second.is_none();
    let second = read_second.or_else(|| bare_hour(c, k + 1))?;
    let says = |r: &ClockReading| r.meridiem.is_some() || r.minutes_written;
    // "4 - 6:30 pm" is a range; "from 10:30 to 3 years" is not, "from 10:30 to 3 on
    // 1/1/2015" is.
    let bare = !says(&first) && !says(&second);
    // The day after the hours, looked for once and only when a bare end needs it.
    let day_after = (bare || bare_second)
        .then(|| day_after_clock(c, second.end))
        .flatten();
    let bare_end = bare_second && day_after.is_none();
    if (bare || bare_end) && !beside_its_day(c, (i, second.end), after_weekday, day_after) {
        return None;
    }
    // "Monday 12-4" is from midnight.
    let h1 = if bare && first.hour == 12 {
        0
    } else {
        first.hour
    };
    let (h1, h2) = (h1, second.hour);
    // "from 7:00 to 8:00pm": a start without am/pm is in the afternoon when the end is and
    // the order allows it.
    let h1 = if first.meridiem.is_none()
        && second.meridiem == Some(true)
        && h1 < 12
        && (h1 + 12, first.minute) < (h2, second.minute)
    {
        h1 + 12
    } else {
        h1
    };
    let mut ambiguous = first.meridiem.is_none() && second.meridiem.is_none();
    // "from 10:30 to 3": an end before the start is in the afternoon.
    let h2 = if ambiguous && h2 < h1 && h2 + 12 > h1 {
        ambiguous = false;
        h2 + 12
    } else {
        h2
    };
    let label = Label::ClockRange {
        from: (h1, first.minute),
        to: (h2, second.minute),
        ambiguous,
        written: (first.minutes_written, second.minutes_written),
    };
    Some((second.end, label))
}

/// Words between a day and its clock time: "Friday at 4pm", "today before 4pm", "Feb 1st no
/// later than 6:00".
const CLOCK_LEADS: &[&[&str]] = &[
    &["at"],
    &["@"],
    &["around"],
    &["about"],
    &[","],
    &["from"],
    &["between"],
    &["before"],
    &["after"],
    &["by"],
    &["no", "later", "than"],
    &["not", "later", "than"],
    &["later", "than"],
    &["earlier", "than"],
    &["prior", "to"],
];

/// A clock time written after its day: "tomorrow 8:00am", "Friday at 4pm", "today at 9",
/// "tonight at 1am"; in the evening or at night a bare hour is read after noon.
fn with_clock(c: &Cursor, (end, when, label): (usize, When, Label)) -> (usize, When, Label) {
    let one_day = is_one_day(when);
    let part = match label {
        Label::Plain => None,
        Label::DayPart(p) => Some(p),
        _ => return (end, when, label),
    };
    if !one_day || !c.join_clocks {
        return (end, when, label);
    }
    let lead = CLOCK_LEADS
        .iter()
        .find(|words| c.is_seq(end, words))
        .map_or(0, |words| words.len());
    let k = end + lead;
    if let Some((range_end, range)) = clock_range(c, k, lead == 0 && is_weekday(when)) {
        // "tonight from 7 to 7:30" is in the evening, "Monday morning 6-8" in the morning.
        return (range_end, when, in_day_part(range, part));
    }
    let Some(ClockReading {
        end: clock_end,
        mut hour,
        minute,
        second,
        meridiem,
        ..
    }) = clock_reading(
        c,
        k,
        lead > 0 && !c.is_any(end, &[",", "from", "between", "by"]),
    )
    else {
        return (end, when, label);
    };
    // An am/pm before a zone ("8am UTC") does not count here.
    let marked = meridiem.is_some() && !c.is_any(clock_end - 1, &["UTC", "GMT", "Z"]);
    // "tonight around 7" is 19:00; "tonight around 3" stays in the small hours.
    let small_hours = part == Some("NI") && (1..=3).contains(&hour);
    if matches!(part, Some("EV" | "NI" | "AF")) && !marked && hour < 12 && !small_hours {
        hour += 12;
    }
    (clock_end, when, Label::Clock(hour, minute, second))
}

/// "2019-06-05", "2019/06/05", "06/05/2019" (US order unless the first part exceeds 12),
/// "5.6.2019".
fn numeric_date(c: &Cursor, i: usize) -> Option<Hit> {
    let sep_ok = |k: usize| is_date_separator(c, k);
    // A month and year inside a chain of hyphenated parts ("123-12-1234",
    // "410c74a8-1687-4ea7") is part of a code.
    let in_chain = |k: usize| c.joined(k) && c.is_any(k, &["-", "/"]);
    let chained_before = i > 0 && c.joined(i) && in_chain(i - 1);
    if let Some(y) = c.year(i) {
        // "2019-aug-1", "2020/Sep/23"
        if let (true, Some((m, _))) = (sep_ok(i + 1), c.month(i + 2)) {
            let (d, end) = c.day(i + 4).filter(|_| sep_ok(i + 3))?;
            return Some((end, fixed(y, m, d, d)?));
        }
        // "2015-12", "2015-3": a month where no range of years can be ("2015-16" is one).
        if let (true, Some((m, len))) = (c.is(i + 1, "-") && sep_ok(i + 1), c.int(i + 2)) {
            let as_year = if len == 2 {
                y / 100 * 100 + i32::try_from(m).ok()?
            } else {
                0
            };
            let whole_token = c.tok(i + 3).is_none_or(|t| !t.joined);
            if (1..=12).contains(&m) && as_year <= y && whole_token && !chained_before {
                let (s, e) = month_span(y, i8::try_from(m).ok()?)?;
                return Some((i + 3, When::Fixed(s, e)));
            }
        }
        if sep_ok(i + 1) && sep_ok(i + 3) && c.raw(i + 1) == c.raw(i + 3) {
            let (m, _) = c.int(i + 2)?;
            let (d, _) = c.int(i + 4)?;
            return Some((
                i + 5,
                fixed(
                    y,
                    i8::try_from(m).ok()?,
                    i8::try_from(d).ok()?,
                    i8::try_from(d).ok()?,
                )?,
            ));
        }
        return None;
    }
    let raw = c.raw(i)?;
    if c.tok(i)?.kind == Kind::Number && raw.matches('.').count() == 2 {
        let parts: Vec<&str> = raw.split('.').collect();
        if let [d, m, y] = parts.as_slice() {
            if y.len() == 4 {
                let (d, m, y): (i8, i8, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
                return Some((i + 1, fixed(y, m, d, d)?));
            }
        }
    }
    let (a, a_len) = c.int(i)?;
    // "05-Aug-2016", "23/Sep/2020"
    if let (true, Some((m, _))) = (sep_ok(i + 1), c.month(i + 2)) {
        let y = c.year(i + 4).filter(|_| sep_ok(i + 3))?;
        let d = i8::try_from(a).ok()?;
        return Some((i + 5, fixed(y, m, d, d)?));
    }
    // "12-2015": a month and its year.
    if let (true, 2, Some(y)) = (sep_ok(i + 1) && c.is(i + 1, "-"), a_len, c.year(i + 2)) {
        if (1..=12).contains(&a) && !in_chain(i + 3) && !chained_before {
            let (s, e) = month_span(y, i8::try_from(a).ok()?)?;
            return Some((i + 3, When::Fixed(s, e)));
        }
    }
    if c.joined(i + 1)
        && c.raw(i + 1) == Some("/")
        && c.joined(i + 2)
        && c.joined(i + 3)
        && c.raw(i + 3) == Some("/")
        && c.joined(i + 4)
    {
        let (b, _) = c.int(i + 2)?;
        let y = c.year(i + 4)?;
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        return Some((
            i + 5,
            fixed(
                y,
                i8::try_from(m).ok()?,
                i8::try_from(d).ok()?,
                i8::try_from(d).ok()?,
            )?,
        ));
    }
    None
}

/// A "-" or "/" joined to the parts of a date on both sides ("2019-08-01", "Dec-2018").
fn is_date_separator(c: &Cursor, k: usize) -> bool {
    c.joined(k) && c.is_any(k, &["-", "/"]) && c.joined(k + 1)
}

/// A date written after its weekday: "Friday 7/6", "Tue May 9", "Tuesday, March 7",
/// "Friday-Jun-15": the date says it all.
fn weekday_then_date(c: &Cursor, i: usize) -> Option<Hit> {
    let w = c.word(i)?;
    let day = any_weekday(w)?;
    date_after_weekday(c, i + 1, day)
}

/// The date after weekday `day` at `k` (a comma or hyphen between them is skipped); a dated
/// day must fall on that weekday ("Friday September 18, 2008" joins a headline to a
/// dateline).
fn date_after_weekday(c: &Cursor, k: usize, day: Weekday) -> Option<Hit> {
    let k = if c.is_any(k, &[",", "-"]) { k + 1 } else { k };
    let hit = numeric_date(c, k)
        .or_else(|| month_slash_day(c, k))
        .or_else(|| day_first_date(c, k))
        .or_else(|| month_first_date(c, k).filter(|(_, w)| is_one_day(*w)))
        .or_else(|| day_of_weekday(c, k, day))?;
    match hit.1 {
        When::Fixed(s, e) if s != e || s.weekday() != day => None,
        _ => Some(hit),
    }
}

/// ISO week `n` of year `y`, Monday to Sunday.
fn iso_week(y: i32, n: i8) -> Option<(Date, Date)> {
    let monday = jiff::civil::ISOWeekDate::new(i16::try_from(y).ok()?, n, Weekday::Monday)
        .ok()?
        .date();
    Some((monday, monday.checked_add(6.days()).ok()?))
}

/// "week 31", "week 3 of 2027", "week 27 of last year": an ISO week by its number. A week
/// of something else ("week 12 of the strike") is no calendar week.
fn week_number(c: &Cursor, i: usize) -> Option<Hit> {
    if !c.is(i, "week") {
        return None;
    }
    let (n, len) = c.int(i + 1)?;
    let n = i8::try_from(n)
        .ok()
        .filter(|n| len <= 2 && (1..=53).contains(n))?;
    if !c.is(i + 2, "of") {
        return Some((i + 2, When::Relative(Rel::IsoWeek(n, 0))));
    }
    if let Some(y) = c.year(i + 3) {
        let (s, e) = iso_week(y, n)?;
        return Some((i + 4, When::Fixed(s, e)));
    }
    let offset = match keyword(c.word(i + 3)?, &mut [0; 24]) {
        "last" | "previous" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    c.is(i + 4, "year")
        .then_some((i + 5, When::Relative(Rel::IsoWeek(n, offset))))
}

/// "the first week of March", "3rd week of 2018", "the last week of this month", "the week
/// of April 10th": a week of a month or year, or the week holding a day.
fn week_of(c: &Cursor, i: usize) -> Option<Hit> {
    // "w/c Feb 4": the week commencing.
    if c.is(i, "w") && c.joined(i + 1) && c.is(i + 1, "/") && c.joined(i + 2) && c.is(i + 2, "c") {
        let (end, when, label) = time_at(c, i + 3)?;
        let day = End::of(when).filter(|_| label == Label::Plain && is_one_day(when))?;
        return Some((end, When::WeekOf(day, 0)));
    }
    let i = i + usize::from(c.is(i, "the"));
    let (n, k) = if c.is(i, "week") {
        (0, i)
    } else if c.is(i, "last") {
        (-1, i + 1)
    } else {
        ordinal_at(c, i)?
    };
    if !(-1..=5).contains(&n) || !c.is(k, "week") {
        return None;
    }
    // "the week of May 3", and a week named by its first day: "the week beginning
    // February 4", "the week starting on February 4", "the week commencing February 4".
    let opener = [
        &["of"][..],
        &["beginning"],
        &["starting", "on"],
        &["starting"],
        &["commencing"],
    ]
    .into_iter()
    .find(|words| (n == 0 || words == &["of"]) && c.is_seq(k + 1, words))?;
    let (end, when, label) = time_at(c, k + 1 + opener.len())?;
    let within = End::of(when).filter(|_| label == Label::Plain)?;
    let fits = if n == 0 {
        is_one_day(when)
    } else {
        match within {
            End::Fixed(s, e) => s.day() == 1 && (e == s.last_of_month() || e == s.last_of_year()),
            End::Relative(r) => matches!(
                r,
                Rel::Month(_)
                    | Rel::ComingMonth(_)
                    | Rel::Months(_)
                    | Rel::MonthIn(..)
                    | Rel::Years(_)
            ),
        }
    };
    fits.then_some((end, When::WeekOf(within, n)))
}

/// A day of the month after a weekday with no month: "Mon 13th", "Friday the 26th",
/// "Tuesday the eleventh", "Monday 21!". A number or ordinal word must end the phrase or lead
/// to a clock ("Friday 23 at 4"): "on Monday 21 people died" counts people, "Tuesday the
/// first Macs" ranks them, "Monday 1-3 pm" is a clock range.
fn day_of_weekday(c: &Cursor, k: usize, w: Weekday) -> Option<Hit> {
    let the = usize::from(c.is(k, "the"));
    let suffixed = c.day(k + the).filter(|&(_, end)| end > k + the + 1);
    if let Some((d, end)) = suffixed {
        return Some((end, When::Relative(Rel::WeekdayDay(w, d))));
    }
    let (d, end) = ordinal_day(c, k + the).or_else(|| c.day(k + the))?;
    let closes = match c.raw(end) {
        None => true,
        Some(p) if c.is(end, "at") || ["!", "?", ",", ";", ")"].contains(&p) => true,
        Some(".") => c.tok(end + 1).is_none_or(|t| t.kind != Kind::Number),
        _ => false,
    };
    closes.then_some((end, When::Relative(Rel::WeekdayDay(w, d))))
}

/// An ordinal up to 31 at `k`, in words or as digits with their suffix: "third", "twenty
/// seventh", "3rd".
fn ordinal_at(c: &Cursor, k: usize) -> Option<(i8, usize)> {
    ordinal_day(c, k).or_else(|| c.day(k).filter(|&(_, end)| end == k + 2))
}

/// A day of the month as an ordinal word: "eleventh", "twenty seventh", "thirty-first".
fn ordinal_day(c: &Cursor, k: usize) -> Option<(i8, usize)> {
    let mut buf = [0u8; 24];
    let word = keyword(c.word(k)?, &mut buf);
    let simple = |w: &str| ordinal_word(w).and_then(|n| i8::try_from(n).ok());
    let tens = match word {
        "twenty" => 20,
        "thirty" => 30,
        _ => return simple(word).map(|d| (d, k + 1)),
    };
    let unit_at = if c.is(k + 1, "-") { k + 2 } else { k + 1 };
    let unit = simple(keyword(c.word(unit_at)?, &mut buf)).filter(|u| *u < 10)?;
    let d = tens + unit;
    (d <= 31).then_some((d, unit_at + 1))
}

/// Whether a time names a single day ("May 9", "tomorrow", "next Friday"), which a part of
/// the day or a clock time can follow.
fn is_one_day(when: When) -> bool {
    match when {
        When::Fixed(s, e) => s == e,
        When::Relative(Rel::MonthDay(_, d1, d2, _)) => d1 == d2,
        When::Relative(
            Rel::Days(_)
            | Rel::Weekday(..)
            | Rel::ComingWeekday(_)
            | Rel::WeekdayOfWeek(..)
            | Rel::WeekdayDay(..),
        ) => true,
        _ => false,
    }
}

/// A month and day with no year, "7/6" (US order; day first when the first number exceeds
/// 12) or "Oct/2": only after a weekday or a word that introduces a date ("on 5/12", "from
/// 10/1 to 11/7"), since "3/4" is also a fraction; "from 1/4" is one too.
fn month_slash_day(c: &Cursor, i: usize) -> Option<Hit> {
    let slash = c.joined(i + 1) && c.raw(i + 1) == Some("/") && c.joined(i + 2);
    if !slash || (c.joined(i + 3) && c.is_any(i + 3, &["/", "-"])) {
        return None;
    }
    let (m, d) = match (c.int(i), c.month(i)) {
        (Some((a, 1..=2)), _) => {
            let (b, _) = c.int(i + 2).filter(|(_, len)| *len <= 2)?;
            if a > 12 {
                (b, a)
            } else {
                (a, b)
            }
        }
        (None, Some((m, _))) => (u32::try_from(m).ok()?, c.int(i + 2)?.0),
        _ => return None,
    };
    // "1/4", "3/16": a fraction of the shape prices are quoted in, unless "on" or a weekday
    // makes it a day.
    let fraction_shaped = m < d && d.is_power_of_two() && m % 2 == 1;
    let surely_a_day = i.checked_sub(1).is_some_and(|b| {
        c.is_any(b, &["on", "this", "next", "last"])
            || c.word(b).is_some_and(|w| any_weekday(w).is_some())
    });
    let introduced = i.checked_sub(1).is_some_and(|b| {
        c.is_any(
            b,
            &["from", "to", "until", "till", "since", "by", "between"],
        )
    });
    if c.int(i).is_some() && !(surely_a_day || (introduced && !fraction_shaped)) {
        return None;
    }
    let (m, d) = (i8::try_from(m).ok()?, i8::try_from(d).ok()?);
    Date::new(2000, m, d).ok()?;
    Some((i + 3, When::Relative(Rel::MonthDay(m, d, d, false))))
}

/// A day of a month with no year at token `i`, the next such day in a clause that speaks of
/// the future (unless a verb with its subject between tells of a deed done: "will lift the
/// duties it imposed on April 17", said ten days later, is this April's) or after "payable".
fn month_day(c: &Cursor, i: usize, m: i8, d1: i8, d2: i8) -> When {
    // "payable April 14", "payable on April 6": a dividend is paid after it is declared.
    let on = usize::from(i > 0 && c.is(i - 1, "on"));
    let payable = i > on && c.is(i - 1 - on, "payable");
    let coming = payable || (c.future_before(i) && !c.finite_past_before(i));
    When::Relative(Rel::MonthDay(m, d1, d2, coming))
}

/// A second day closing a range: "-4", "to 4", "and 4".
fn day_range_end(c: &Cursor, k: usize) -> Option<(i8, usize)> {
    if c.is_any(k, &["-", "–", "to", "and", "through", "till"]) {
        let the = usize::from(c.is(k + 1, "the"));
        return c.day(k + 1).or_else(|| ordinal_day(c, k + 1 + the));
    }
    None
}

/// A day written in words after its month: an ordinal ("March first", "April twenty-third",
/// "April the ninth") or a number word ("May twenty nine", "April five") where no other word
/// follows it ("in March two years ago" names no March 2). "first" joined to more ("March
/// first-quarter profits", "in December the first of the groups") is no day.
fn day_in_words(c: &Cursor, k: usize) -> Option<(i8, usize)> {
    let k = k + usize::from(c.is(k, "the"));
    let (d, end) = match ordinal_day(c, k) {
        Some(hit) => hit,
        None => {
            let n = number_at(c.tokens, k, c.text).filter(|n| !n.digits && n.scale == 1.0)?;
            let ends = c
                .word(n.end)
                .is_none_or(|_| c.is_any(n.end, &["to", "through", "and", "till", "until"]));
            if !ends || n.value.fract() != 0.0 || !(1.0..=31.0).contains(&n.value) {
                return None;
            }
            (n.value as i8, n.end)
        }
    };
    // "in December the first of the groups": "first" is no day there.
    let joined_on = (c.joined(end) && c.is(end, "-")) || c.is(end, "of");
    (!joined_on).then_some((d, end))
}

/// "5 June 2019", "5th of June", "3-4 June 2019".
fn day_first_date(c: &Cursor, i: usize) -> Option<Hit> {
    // "for $12 December 27": an amount of money is no day.
    if i.checked_sub(1)
        .is_some_and(|b| c.is_any(b, &["$", "€", "£", "¥"]))
    {
        return None;
    }
    // "the fourth of July", "the twenty third day of September": a day in words needs "of".
    let (d1, mut k) = match c.day(i) {
        Some(hit) => hit,
        // "ninth and seventeenth of April", "the ninth till the seventeenth of April".
        None => ordinal_day(c, i).filter(|&(_, e)| {
            c.is_any(e, &["of", "day"]) || day_range_end(c, e).is_some_and(|(_, k)| c.is(k, "of"))
        })?,
    };
    let mut d2 = d1;
    if let Some((d, e)) = day_range_end(c, k) {
        d2 = d;
        k = e;
    }
    if c.is(k, "day") && c.is(k + 1, "of") {
        k += 1;
    }
    if c.is(k, "of") {
        k += 1;
    }
    let (m, mut k) = c.month(k)?;
    if c.raw(k) == Some(",") {
        k += 1;
    }
    if let Some((y, end)) = year_in_words(c, k).filter(|_| c.year(k).is_none()) {
        return Some((end, fixed(y, m, d1, d2)?));
    }
    match c.year(k) {
        Some(y) => Some((k + 1, fixed(y, m, d1, d2)?)),
        None => {
            let end = if c.raw(k - 1) == Some(",") { k - 1 } else { k };
            Some((end, month_day(c, i, m, d1, d2)))
        }
    }
}

/// "June 5, 2019", "Jan. 5", "June 3-4, 2019", "June 2019", "June of 2019", "Dec/2018",
/// "in June".
fn month_first_date(c: &Cursor, i: usize) -> Option<Hit> {
    let (m, k) = c.month(i)?;
    if let Some(y) = c.year(k) {
        return Some((k + 1, When::Fixed(month_span(y, m)?.0, month_span(y, m)?.1)));
    }
    // "October two thousand and five"
    if let Some((y, end)) = year_in_words(c, k) {
        let (s, e) = month_span(y, m)?;
        return Some((end, When::Fixed(s, e)));
    }
    // "Dec-2018", "Sep-23-2020"
    if c.is(k, "-") && is_date_separator(c, k) {
        if let Some(y) = c.year(k + 1) {
            let (s, e) = month_span(y, m)?;
            return Some((k + 2, When::Fixed(s, e)));
        }
        if let Some((d, e)) = c.day(k + 1) {
            if let Some(y) = c.year(e + 1).filter(|_| is_date_separator(c, e)) {
                return Some((e + 2, fixed(y, m, d, d)?));
            }
        }
    }
    // "June of 2019", "Dec/2018", "Dec, 2018".
    if c.is_any(k, &["of", "/", ","]) {
        if let Some(y) = c.year(k + 1) {
            let (s, e) = month_span(y, m)?;
            return Some((k + 2, When::Fixed(s, e)));
        }
    }
    if let Some((d1, mut e)) = c.day(k).or_else(|| day_in_words(c, k)) {
        let mut d2 = d1;
        if let Some((d, after)) = day_range_end(c, e) {
            d2 = d;
            e = after;
        }
        let with_comma = if c.raw(e) == Some(",") { e + 1 } else { e };
        if let Some(y) = c.year(with_comma) {
            return Some((with_comma + 1, fixed(y, m, d1, d2)?));
        }
        // "January twenty five nineteen eighty six"
        if let Some((y, end)) = year_in_words(c, with_comma) {
            return Some((end, fixed(y, m, d1, d2)?));
        }
        return Some((e, month_day(c, i, m, d1, d2)));
    }
    // A bare month name: "May" only after a preposition-like word, since it is also a verb.
    let word = c.word(i)?;
    let mut buf = [0u8; 24];
    let before = i
        .checked_sub(1)
        .and_then(|b| c.word(b))
        .map(|b| keyword(b, &mut buf));
    let cue = before.is_some_and(|b| {
        matches!(
            b,
            "in" | "since"
                | "until"
                | "by"
                | "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "mid"
                | "of"
                | "during"
                | "from"
                | "to"
                | "through"
        )
    });
    let full_name =
        word.len() > 4 || word.eq_ignore_ascii_case("june") || word.eq_ignore_ascii_case("july");
    // "Nov-Feb 2017": the first month of a range.
    let opens_range =
        c.is_any(k, &["-", "–", "to", "through", "until"]) && c.month(k + 1).is_some();
    if (full_name && !word.eq_ignore_ascii_case("may")) || cue || opens_range {
        // "will meet again in December": the coming December, not the last one.
        let rel = if c.future_before(i) {
            Rel::ComingMonth(m)
        } else {
            Rel::Month(m)
        };
        return Some((k, When::Relative(rel)));
    }
    None
}

/// "the week ended February 22" / "week ending June 5, 2019": the seven days up to that day.
fn week_ended(c: &Cursor, i: usize) -> Option<Hit> {
    let start = if c.is(i, "the") { i + 1 } else { i };
    if !c.is(start, "week") || !c.is_any(start + 1, &["ended", "ending", "to"]) {
        return None;
    }
    let (end, when) = day_first_date(c, start + 2).or_else(|| month_first_date(c, start + 2))?;
    let when = match when {
        When::Fixed(_, last) => When::Fixed(last.checked_sub(6.days()).ok()?, last),
        When::Relative(Rel::MonthDay(m, d, ..)) => When::Relative(Rel::WeekEnding(m, d)),
        other => other,
    };
    Some((end, when))
}

/// The year a quarter or half belongs to: "of 2024", "2024", "of this/last/next year", "of
/// the year"; `None` when no year follows.
fn year_after(c: &Cursor, k: usize) -> Option<(usize, Result<i32, i32>)> {
    let k2 = if c.is(k, "of") { k + 1 } else { k };
    if let Some(y) = c.year(k2) {
        return Some((k2 + 1, Ok(y)));
    }
    if c.is(k, "of") {
        let off = if c.is(k2, "this") || c.is(k2, "the") {
            0
        } else if c.is(k2, "last") {
            -1
        } else if c.is(k2, "next") {
            1
        } else {
            return None;
        };
        if c.is(k2 + 1, "year") {
            return Some((k2 + 2, Err(off)));
        }
    }
    None
}

/// "Q1 2024", "the first quarter of 2024", "first-quarter", "H2", "the second half of 2024".
fn quarter_or_half(c: &Cursor, i: usize) -> Option<Hit> {
    let start = if c.is(i, "the") { i + 1 } else { i };
    let w = c.word(start)?;
    let (which, is_half, mut k) = if let Some((n, is_half)) = quarter_code(w) {
        // "Q1-2019"
        let hyphen = c.joined(start + 1) && c.is(start + 1, "-") && c.year(start + 2).is_some();
        (n, is_half, start + 1 + usize::from(hyphen))
    } else {
        // "the final quarter of 2009"; "the last quarter" alone is the one before this one.
        let last = w.eq_ignore_ascii_case("final") || w.eq_ignore_ascii_case("last");
        let mut k = start + 1;
        // "first-quarter" (not "final-quarter")
        if !last && c.raw(k) == Some("-") && c.joined(k) {
            k += 1;
        }
        let is_half = match keyword(c.word(k)?, &mut [0; 24]) {
            "quarter" => false,
            "half" => true,
            _ => return None,
        };
        let n = if last {
            let _year = year_after(c, k + 1)?;
            if is_half {
                2
            } else {
                4
            }
        } else {
            i8::try_from(ordinal(w)?).ok()?
        };
        (n, is_half, k + 1)
    };
    if (is_half && !(1..=2).contains(&which)) || (!is_half && !(1..=4).contains(&which)) {
        return None;
    }
    let year = match year_after(c, k) {
        Some((end, y)) => {
            k = end;
            y
        }
        None => Err(0),
    };
    let (first_month, months) = quarter_months(which, is_half);
    let when = match year {
        Ok(y) => {
            let (s, e) = months_span(y, first_month, months)?;
            When::Fixed(s, e)
        }
        Err(off) if is_half => When::Relative(Rel::Half(which, off)),
        Err(off) => When::Relative(Rel::Quarter(which, off)),
    };
    Some((k, when))
}

/// The first month of quarter (or half) `n`, and its length in months.
fn quarter_months(n: i8, is_half: bool) -> (i8, i8) {
    if is_half {
        ((n - 1) * 6 + 1, 6)
    } else {
        ((n - 1) * 3 + 1, 3)
    }
}

/// "Q1", "q3", "H2": the quarter or half and whether it is a half.
fn quarter_code(w: &str) -> Option<(i8, bool)> {
    let mut chars = w.chars();
    let is_half = match chars.next()? {
        'Q' | 'q' => false,
        'H' | 'h' => true,
        _ => return None,
    };
    let n: i8 = chars.as_str().parse().ok()?;
    let valid = if is_half { 1..=2 } else { 1..=4 };
    valid.contains(&n).then_some((n, is_half))
}

/// "2019 Q1", "2019-H2": a year with its quarter or half written after it.
fn year_then_quarter(c: &Cursor, i: usize) -> Option<Hit> {
    let y = c.year(i)?;
    let k = if c.joined(i + 1) && c.is(i + 1, "-") {
        i + 2
    } else {
        i + 1
    };
    let (n, is_half) = quarter_code(c.word(k)?)?;
    let (first, months) = quarter_months(n, is_half);
    let (s, e) = months_span(y, first, months)?;
    Some((k + 1, When::Fixed(s, e)))
}

/// "on the 18th.", "on the fourth!": a day of the month with no month, written at the end
/// of its clause ("on the 18th century" is no day).
fn day_of_month_alone(c: &Cursor, i: usize) -> Option<Hit> {
    if !(i > 0 && c.is(i - 1, "on") && c.is(i, "the")) {
        return None;
    }
    let (d, end) = match c.day(i + 1) {
        Some((d, end)) if end > i + 2 => (d, end),
        Some(_) => return None,
        None => ordinal_day(c, i + 1)?,
    };
    let closes = c.tok(end).is_none() || c.is_any(end, CLAUSE_ENDS) || c.is(end, ",");
    closes.then_some((end, When::Relative(Rel::DayOfMonth(d))))
}

/// The last second of a day, as the specs write "end of tomorrow" (`T23:59:59`).
const DAY_END: Label = Label::Clock(23, 59, 59);

/// "end of tomorrow", "the end of today", "end of this Sunday", "end of (the) day", "the eod":
/// the last second of that day.
fn end_of_day(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    let k = i + usize::from(c.is(i, "the"));
    if c.is(k, "eod") {
        return Some((k + 1, When::Relative(Rel::Days(0)), DAY_END));
    }
    if !c.is_seq(k, &["end", "of"]) {
        return None;
    }
    let at = k + 2;
    let the = usize::from(c.is(at, "the"));
    if c.is(at + the, "day") {
        // "at the end of the day" is a manner of speaking.
        let idiom = (i > 0 && c.is(i - 1, "at")) || (i > 1 && c.is_seq(i - 2, &["at", "the"]));
        let when = When::Relative(Rel::Days(0));
        return (!idiom).then_some((at + the + 1, when, DAY_END));
    }
    // "end of the sunday"
    let day_at = at + usize::from(the == 1 && c.word(at + 1).and_then(weekday).is_some());
    let (end, when, label) = time_at(c, day_at)?;
    (label == Label::Plain && is_one_day(when)).then_some((end, when, DAY_END))
}

/// "early 2024", "mid-March", "late last year", "end-1986", "the beginning of next year",
/// "the end of the month", "the late 1990s": a part of a period.
fn part_of_period(c: &Cursor, i: usize) -> Option<Hit> {
    let mut k = if c.is(i, "the") { i + 1 } else { i };
    let mut buf = [0u8; 24];
    let word = keyword(c.word(k)?, &mut buf);
    let part = match word {
        "early" | "beginning" | "start" => Part::Early,
        "mid" | "middle" => Part::Middle,
        "late" => Part::Late,
        "end" => Part::Final,
        _ => return None,
    };
    k += 1;
    let hyphen = c.raw(k) == Some("-") && c.joined(k);
    // "early in the year", "late in 2023"; "the beginning of", "the end of", "end-1986",
    // "end 1986".
    // "beginning in April" starts something in April; it is no part of April.
    let early_or_late = ["early", "late"].contains(&word);
    if hyphen || c.is(k, "of") || (early_or_late && c.is(k, "in")) {
        k += 1;
    } else if !(["early", "mid", "late"].contains(&word)
        || (part == Part::Final && c.year(k).is_some()))
    {
        return None;
    }
    // After a hyphen a year is no part of a number chain ("mid-1988", "end-1985").
    let (end, when) = match c.year(k).filter(|_| hyphen) {
        Some(y) => decade(c, k, y).or_else(|| {
            let (s, e) = year_span(y)?;
            Some((k + 1, When::Fixed(s, e)))
        })?,
        None => period_at(c, k).map(|(end, when, _)| (end, when))?,
    };
    let period = End::of(when).filter(|p| p.is_period())?;
    Some((end, When::Part(period, part)))
}

/// "the first nine months of 1986", "the last three weeks of this year", "first ten days of
/// last year", "the third month of 2021", "the third and fourth quarters of 1987": whole units
/// at the start or end of a period.
fn slice_of_period(c: &Cursor, i: usize) -> Option<Hit> {
    let k = if c.is(i, "the") { i + 1 } else { i };
    let (from_end, skip, count, k) = slice_count(c, k)?;
    let mut buf = [0u8; 24];
    let word = keyword(c.word(k)?, &mut buf);
    let singular = word.trim_end_matches('s');
    if (count > 1) != (singular.len() < word.len()) || !c.is(k + 1, "of") {
        return None;
    }
    let (unit, per) = match singular {
        "day" => (SliceUnit::Day, 1),
        "week" => (SliceUnit::Week, 1),
        "month" => (SliceUnit::Month, 1),
        "quarter" => (SliceUnit::Month, 3),
        "year" => (SliceUnit::Month, 12),
        _ => return None,
    };
    // A split year ("1986/87") is often a fiscal or crop year, whose months are not known.
    let (end, when, label) = period_at(c, k + 2)?;
    if matches!(label, Label::Range(_)) {
        return None;
    }
    let period = End::of(when).filter(|p| p.is_period())?;
    let slice = Slice {
        from_end,
        skip: u16::try_from(skip * per).ok()?,
        count: u16::try_from(count * per).ok().filter(|n| *n > 0)?,
        unit,
    };
    Some((end, When::Slice(period, slice)))
}

/// Which units a slice names, from `k` to its unit word: "first nine", "last", "final 10"
/// (from the end), "third", "9th", "third and fourth". Gives whether it counts from the end,
/// the units skipped, the units named and where the unit word is.
fn slice_count(c: &Cursor, k: usize) -> Option<(bool, u32, u32, usize)> {
    let from_end = c.is_any(k, &["last", "final"]);
    if from_end || c.is(k, "first") {
        let n = c.int(k + 1).map(|(n, _)| n).or_else(|| {
            let w = c.word(k + 1).filter(|_| !c.is_any(k + 1, &["a", "an"]))?;
            u32::try_from(number_word(w)?).ok()
        });
        return Some(match n {
            Some(n) => (from_end, 0, n, k + 2),
            None => (from_end, 0, 1, k + 1),
        });
    }
    let (first, end) = ordinal_at(c, k)?;
    let skip = u32::try_from(first).ok()?.checked_sub(1)?;
    if c.is_any(end, &["and", "to", "through", "-"]) {
        if let Some((last, after)) = ordinal_at(c, end + 1).filter(|&(n, _)| n > first) {
            return Some((false, skip, u32::try_from(last - first + 1).ok()?, after));
        }
    }
    Some((false, skip, 1, end))
}

/// A time at `k`, or the current year, month, week or quarter named by its noun alone ("the
/// end of the year", "end of month").
fn period_at(c: &Cursor, k: usize) -> Option<(usize, When, Label)> {
    if let Some(hit) = time_at(c, k) {
        return Some(hit);
    }
    let noun = if c.is(k, "the") { k + 1 } else { k };
    let rel = match keyword(c.word(noun)?, &mut [0; 24]) {
        "year" => Rel::Years(0),
        "month" => Rel::Months(0),
        "week" => Rel::Weeks(0),
        "quarter" => Rel::Quarters(0),
        _ => return None,
    };
    Some((noun + 1, When::Relative(rel), Label::Plain))
}

/// "2023", "fiscal 2023", "FY2023", "2022-23", "2019-2023", "the 1990s"; the two-year forms
/// are ranges between two years (a decade is not).
fn year_forms(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    let plain = |(end, when): Hit| Some((end, when, Label::Plain));
    if let Some(w) = c.word(i) {
        if let Some(hit) = year_of_kind(c, i) {
            return Some(hit);
        }
        if w.eq_ignore_ascii_case("the") {
            return plain(decade(c, i + 1, c.year(i + 1)?)?);
        }
        return None;
    }
    let y = c.year(i)?;
    // "the 1987 fiscal year"
    if let Some(label) = kind_of_year(c, i + 1).filter(|(_, n)| *n == 2) {
        let (s, e) = year_span(y)?;
        return Some((i + 3, When::Fixed(s, e), label.0));
    }
    // Inside a chain of hyphenated numbers ("138-2010-2015", "2015-32") it is no year.
    let in_chain = |k: usize| {
        c.joined(k)
            && c.is(k, "-")
            && c.tok(k + 1)
                .is_some_and(|t| t.joined && t.kind == Kind::Number)
    };
    if i > 0 && c.joined(i) && c.is(i - 1, "-") {
        return None;
    }
    if let Some(decade) = decade(c, i, y) {
        return plain(decade);
    }
    if c.joined(i + 1) && c.is_any(i + 1, &["-", "–", "/", "~"]) && c.joined(i + 2) {
        if let Some((n, len)) = c.int(i + 2) {
            let n = i32::try_from(n).ok()?;
            let end_year = match len {
                2 => y / 100 * 100 + n,
                4 => n,
                _ => 0,
            };
            if end_year > y && end_year - y <= 50 && !in_chain(i + 3) {
                let (start, end) = years_span(y, end_year)?;
                let second = Date::new(i16::try_from(end_year).ok()?, 1, 1).ok()?;
                return Some((i + 3, When::Fixed(start, end), Label::Range(second)));
            }
        }
        return None;
    }
    let (s, e) = year_span(y)?;
    plain((i + 1, When::Fixed(s, e)))
}

/// Codes and words naming a kind of year, lower case, with the TIMEX prefix of the kind
/// (none for a calendar year).
const YEAR_KINDS: &[(&[&str], Option<&str>)] = &[
    (&["fiscal", "year"], Some("FY")),
    (&["fiscal"], Some("FY")),
    (&["fy"], Some("FY")),
    (&["school", "year"], Some("SY")),
    (&["sy"], Some("SY")),
    (&["calendar", "year"], None),
    (&["calendar"], None),
    (&["cy"], None),
];

/// The kind of year named at `k` ("fiscal year", "SY") and how many tokens name it.
fn kind_of_year(c: &Cursor, k: usize) -> Option<(Label, usize)> {
    YEAR_KINDS
        .iter()
        .find(|(words, _)| c.is_seq(k, words))
        .map(|(words, code)| {
            let label = code.map_or(Label::Plain, Label::YearOf);
            (label, words.len())
        })
}

/// A year of a kind: "fiscal 2023", "fiscal year 2008", "FY2023", "FY 23", "school year
/// 2008", "sy18", "calendar 1987", "cy18".
fn year_of_kind(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    let w = c.word(i)?;
    let (label, y, end) = match glued_year_code(w) {
        // "FY2023", "sy18": the code glued to its year.
        Some((label, y)) => (label, y, i + 1),
        None => {
            let (label, n) = kind_of_year(c, i)?;
            let (digits, len) = c.int(i + n)?;
            let y = match len {
                4 => c.year(i + n)?,
                // "FY 23": two digits only after a code.
                2 if n == 1 && w.len() == 2 => two_digit_year(i32::try_from(digits).ok()?),
                _ => return None,
            };
            (label, y, i + n + 1)
        }
    };
    // "fiscal year 1987/88", "fiscal 1986-1987": a split year, the two years it spans.
    if c.joined(end) && c.is_any(end, &["/", "-", "–"]) && c.int(end + 1).is_some() {
        return year_forms(c, end - 1);
    }
    let (s, e) = year_span(y)?;
    Some((end, When::Fixed(s, e), label))
}

/// A year written in two digits after a year code: up to 49 in this century ("FY23"),
/// from 50 in the last ("FY87").
fn two_digit_year(y: i32) -> i32 {
    match y {
        0..=49 => 2000 + y,
        50..=99 => 1900 + y,
        _ => y,
    }
}

/// "last fiscal year", "the current fiscal year", "this school year", "next calendar year":
/// a year of a kind at an offset from publication.
fn relative_year_of_kind(c: &Cursor, i: usize) -> Option<(usize, When, Label)> {
    let k = i + usize::from(c.is(i, "the"));
    let offset = match keyword(c.word(k)?, &mut [0; 24]) {
        "last" | "previous" | "prior" => -1,
        "this" | "current" => 0,
        "next" | "coming" => 1,
        _ => return None,
    };
    let (label, n) = kind_of_year(c, k + 1).filter(|(_, n)| *n == 2)?;
    Some((k + 1 + n, When::Relative(Rel::Years(offset)), label))
}

/// A year code glued to two or four digits ("FY2023", "sy18", "CY87"): its kind and year.
fn glued_year_code(w: &str) -> Option<(Label, i32)> {
    let (code, digits) = (w.get(..2)?, w.get(2..)?);
    if !matches!(digits.len(), 2 | 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (_, kind) = YEAR_KINDS
        .iter()
        .find(|(words, _)| words.len() == 1 && words[0].eq_ignore_ascii_case(code))?;
    let y: i32 = digits.parse().ok()?;
    Some((kind.map_or(Label::Plain, Label::YearOf), two_digit_year(y)))
}

/// "the 21st century", "15th century": its hundred years (the 21st from 2000 on).
fn century(c: &Cursor, i: usize) -> Option<Hit> {
    let k = if c.is(i, "the") { i + 1 } else { i };
    let (n, len) = c.int(k)?;
    if len > 2 || !(1..=30).contains(&n) || !c.joined(k + 1) {
        return None;
    }
    if !c.is_any(k + 1, &["st", "nd", "rd", "th"]) || !c.is(k + 2, "century") {
        return None;
    }
    let first = (i32::try_from(n).ok()? - 1) * 100;
    let (s, e) = years_span(first, first + 99)?;
    Some((k + 3, When::Fixed(s, e)))
}

/// The tens of a decade in words (lower case): "twenties" 2, "noughties" 0.
fn decade_tens(w: &str) -> Option<i32> {
    Some(match w {
        "noughties" => 0,
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}

/// A year in words at `k`, after a month or a date ("October two thousand and five", "13
/// Sept nineteen seventy two", "6 April seventeen hundred thirty three"; alone it is as
/// often a count): gives the year and the token after it.
fn year_in_words(c: &Cursor, k: usize) -> Option<(i32, usize)> {
    let whole = |n: &super::numbers::Number| {
        (!n.digits && n.value.fract() == 0.0).then_some(n.value as i32)
    };
    let first = number_at(c.tokens, k, c.text)?;
    let value = whole(&first)?;
    if (1000..=2199).contains(&value) {
        return Some((value, first.end));
    }
    // "nineteen ninety six": hundreds, then the year within them.
    if !(10..=21).contains(&value) || first.end != k + 1 {
        return None;
    }
    let rest = number_at(c.tokens, k + 1, c.text)?;
    let within = whole(&rest).filter(|n| (10..=99).contains(n))?;
    Some((value * 100 + within, rest.end))
}

/// "1990s", "1990 s": year `y` at `k` with an "s" after it makes its decade.
fn decade(c: &Cursor, k: usize, y: i32) -> Option<Hit> {
    if !(c.is(k + 1, "s") && y % 10 == 0) {
        return None;
    }
    Some((k + 2, decade_of(y)?))
}

/// The ten years from `first_year` on.
fn decade_of(first_year: i32) -> Option<When> {
    let (s, e) = years_span(first_year, first_year + 9)?;
    Some(When::Fixed(s, e))
}

/// A decade without its century after "the": "the '40s", "the seventies", "the nineteen
/// seventies", "the noughties" ("in his seventies" is an age). The twenties to the nineties
/// are the 1900s'; "'00s", "'10s" and the noughties the 2000s'.
fn short_decade(c: &Cursor, i: usize) -> Option<Hit> {
    let k = i + usize::from(c.is(i, "the"));
    let apostrophe = c.is_any(k, &["'", "’"]) && c.joined(k + 1);
    let at = k + usize::from(apostrophe);
    let century = |tens: i32| if tens < 2 { 2000 } else { 1900 };
    // "the mid 30s", "in the 50s" are as often prices or ages: only "'40s" is a decade.
    if let Some((n, 2)) = c.int(at).filter(|_| apostrophe) {
        let n = i32::try_from(n).ok()?;
        if n % 10 != 0 || !c.is(at + 1, "s") {
            return None;
        }
        return Some((at + 2, decade_of(century(n / 10) + n)?));
    }
    let after_cue = c.is(i, "the");
    let nineteen = usize::from(c.is(k, "nineteen"));
    // Not "tens" ("the tens of thousands").
    let tens = decade_tens(keyword(c.word(k + nineteen)?, &mut [0; 24]))?;
    if !after_cue || (nineteen == 1 && tens < 2) {
        return None;
    }
    Some((k + nineteen + 1, decade_of(century(tens) + tens * 10)?))
}

/// Relative expressions.
fn relative(c: &Cursor, i: usize) -> Option<Hit> {
    if c.int(i).is_some() {
        return counted_units(c, i, None);
    }
    let w = c.word(i)?;
    // Keywords are short and ASCII: a longer or non-ASCII word matches none of them.
    let mut buf = [0u8; 24];
    let lower = keyword(w, &mut buf);
    match lower {
        "yesterday" => return Some((i + 1, When::Relative(Rel::Days(-1)))),
        "today" => return Some((i + 1, When::Relative(Rel::Days(0)))),
        "tomorrow" => return Some((i + 1, When::Relative(Rel::Days(1)))),
        "year-to-date" => return Some((i + 1, When::Relative(Rel::YearToDate))),
        _ => {}
    }
    if let Some(day) = weekday(w) {
        let dir = match i.checked_sub(1).and_then(|b| c.word(b)) {
            Some(b) if b.eq_ignore_ascii_case("next") => 1,
            Some(b) if b.eq_ignore_ascii_case("last") => -1,
            _ => 0,
        };
        // "will meet on Friday": the coming one.
        let rel = if dir == 0 && c.future_before(i) && !c.past_event_before(i) {
            Rel::ComingWeekday(day)
        } else {
            Rel::Weekday(day, dir)
        };
        return Some((i + 1, When::Relative(rel)));
    }
    if let Some(hit) = weekday_with_determiner(c, i) {
        return Some(hit);
    }
    // "earlier this year", "so far this year", "this year so far"
    if (lower == "earlier" || (lower == "so" && c.is(i + 1, "far")))
        && c.is_any(i + 1 + usize::from(lower == "so"), &["this"])
    {
        let k = i + 2 + usize::from(lower == "so");
        if c.is(k, "year") {
            return Some((k + 1, When::Relative(Rel::YearToDate)));
        }
        if c.is(k, "month") {
            return Some((k + 1, When::Relative(Rel::MonthToDate)));
        }
    }
    if let Some(hit) = rest_of_period(c, i) {
        return Some(hit);
    }
    // "last year", "this month", "next quarter", "the previous year", "the past decade",
    // "the past 12 years", "the last five years"
    let k = if lower == "the" { i + 1 } else { i };
    let mut det_buf = [0u8; 24];
    let det = keyword(c.word(k)?, &mut det_buf);
    let offset = match det {
        "last" | "previous" | "prior" | "preceding" => Some(-1),
        "this" | "current" => Some(0),
        "next" | "coming" | "following" => Some(1),
        "past" => None,
        _ => None,
    };
    let spans_back = matches!(det, "past" | "last" | "previous");
    if let Some(hit) = counted_quarters(c, k, offset) {
        return Some(hit);
    }
    // "the next/coming N units"
    if matches!(det, "next" | "coming") {
        if let Some(hit) = units_ahead(c, k + 1) {
            return Some(hit);
        }
    }

    // "the past/last N units"
    if spans_back {
        let n = c
            .int(k + 1)
            .and_then(|(n, len)| (len <= 3).then(|| i32::try_from(n).ok()).flatten())
            .or_else(|| c.word(k + 1).and_then(number_word).filter(|&n| n > 1));
        if let Some(n) = n {
            if let Some(months) = c.word(k + 2).and_then(unit_months) {
                return Some((k + 3, When::Relative(Rel::Past(n * months))));
            }
        }
    }
    let mut unit_buf = [0u8; 24];
    if let Some(unit) = c.word(k + 1).map(|w| keyword(w, &mut unit_buf)) {
        if det == "past" || (lower == "the" && det == "last" && unit == "decade") {
            if let Some(months) = unit_months(unit).filter(|_| !unit.ends_with('s')) {
                return Some((k + 2, When::Relative(Rel::Past(months))));
            }
        }
        if let Some(off) = offset {
            let rel = match unit {
                "year" if matches!(det, "previous" | "prior" | "preceding") => {
                    Some(Rel::YearsBefore(1))
                }
                "quarter" if matches!(det, "previous" | "prior" | "preceding") => {
                    Some(Rel::QuartersBefore(1))
                }
                "month" if matches!(det, "previous" | "prior" | "preceding") => {
                    Some(Rel::MonthsBefore(1))
                }
                "year" => Some(Rel::Years(off)),
                "month" => Some(Rel::Months(off)),
                "week" => Some(Rel::Weeks(off)),
                "quarter" => Some(Rel::Quarters(off)),
                "decade" if off < 0 => Some(Rel::Past(120)),
                _ => None,
            };
            if let Some(rel) = rel {
                return Some((k + 2, When::Relative(rel)));
            }
        }
    }
    // "a year ago" counts from publication; "the year before", "a year earlier" from the
    // time mentioned before them.
    if (lower == "the" || lower == "a") && c.is(i + 1, "year") {
        if c.is(i + 2, "ago") {
            return Some((i + 3, When::Relative(Rel::Years(-1))));
        }
        if c.is_any(i + 2, &["before", "earlier"]) {
            return Some((i + 3, When::Relative(Rel::YearsBefore(1))));
        }
    }
    if lower == "the" && c.is_any(i + 1, &["previous", "prior", "preceding"]) && c.is(i + 2, "year")
    {
        return Some((i + 3, When::Relative(Rel::YearsBefore(1))));
    }
    counted_units(c, i, Some(w))
}

/// "two decades ago", "3 years earlier", "five months ago", "in 2 weeks" (in a future
/// clause), "two days from now": a count of units before or after publication. `word` is
/// the count's word when it is written as one.
fn counted_units(c: &Cursor, i: usize, word: Option<&str>) -> Option<Hit> {
    let n = c
        .int(i)
        .map(|(n, _)| i32::try_from(n).ok())
        .unwrap_or_else(|| word.and_then(number_word));
    if let Some(hit) = n.and_then(|n| count_before_direction(c, i, n)) {
        return Some(hit);
    }
    let mut buf = [0u8; 24];
    if let (Some(n), Some(unit)) = (n, c.word(i + 1).map(|w| keyword(w, &mut buf))) {
        if let Some(hit) = shifted_day(c, i, n, unit) {
            return Some(hit);
        }
        if c.is_any(i + 2, &["ago", "earlier", "before"]) {
            let earlier = !c.is(i + 2, "ago");
            let rel = match unit {
                "year" | "years" if earlier => Rel::YearsBefore(n),
                "year" | "years" => Rel::Years(-n),
                "decade" | "decades" if earlier => Rel::YearsBefore(10 * n),
                "decade" | "decades" => Rel::Years(-10 * n),
                "month" | "months" => Rel::Months(-n),
                "week" | "weeks" => Rel::Days(-7 * n),
                "day" | "days" => Rel::Days(-n),
                _ => return None,
            };
            return Some((i + 3, When::Relative(rel)));
        }
        if let Some(hit) = later(c, i, n, unit) {
            return Some(hit);
        }
    }
    None
}

/// Words written between a count and its unit that count ahead ("the 5 upcoming years").
const COUNT_AHEAD: &[&str] = &["next", "upcoming", "coming", "following"];

/// Words written between a count and its unit that count back ("the 5 past years").
const COUNT_BACK: &[&str] = &["past", "previous", "last"];

/// "the 5 upcoming years", "the 2 next days", "the 5 past years": a count of units before
/// its direction word, as "the next 5 years" is written after it.
fn count_before_direction(c: &Cursor, i: usize, n: i32) -> Option<Hit> {
    if !i.checked_sub(1).is_some_and(|b| c.is(b, "the")) || n < 2 {
        return None;
    }
    let unit_at = i + 2;
    if c.is_any(i + 1, COUNT_AHEAD) {
        return units_from_now(c, n, unit_at);
    }
    if c.is_any(i + 1, COUNT_BACK) {
        let months = c.word(unit_at).and_then(unit_months)?;
        return Some((unit_at + 1, When::Relative(Rel::Past(n * months))));
    }
    None
}

/// "the last two quarters", "the past 3 quarters", "the next 7 quarters", "the following two
/// quarters": whole calendar quarters before the current one or after it.
fn counted_quarters(c: &Cursor, k: usize, offset: Option<i32>) -> Option<Hit> {
    let back = c.is_any(k, &["last", "past", "previous"]);
    if !(back || offset == Some(1)) || !c.is(k + 2, "quarters") {
        return None;
    }
    let n = c
        .int(k + 1)
        .and_then(|(n, len)| (len <= 2).then(|| i32::try_from(n).ok()).flatten())
        .or_else(|| c.word(k + 1).and_then(number_word))
        .filter(|&n| n > 1)?;
    let (first, last) = if back { (-n, -1) } else { (1, n) };
    let when = When::Between(
        End::Relative(Rel::Quarters(first)),
        End::Relative(Rel::Quarters(last)),
    );
    Some((k + 3, when))
}

/// "30 days", "two weeks", "forty days", "10 months" at `k`, after "next" or "coming":
/// counted from publication on.
fn units_ahead(c: &Cursor, k: usize) -> Option<Hit> {
    let (n, unit_at) = match c.int(k) {
        Some((n, len)) if len <= 3 => (i32::try_from(n).ok()?, k + 1),
        Some(_) => return None,
        None => {
            let n =
                number_at(c.tokens, k, c.text).filter(|n| !n.digits && n.value.fract() == 0.0)?;
            (n.value as i32, n.end)
        }
    };
    if !(2..=999).contains(&n) {
        return None;
    }
    units_from_now(c, n, unit_at)
}

/// `n` of the unit at `unit_at` from publication on: months and longer from the day itself,
/// days and weeks from the next day.
fn units_from_now(c: &Cursor, n: i32, unit_at: usize) -> Option<Hit> {
    let unit = c.word(unit_at)?;
    if let Some(months) = unit_months(unit) {
        return Some((unit_at + 1, When::Relative(Rel::Ahead(n * months))));
    }
    // "the next 30 days", "the coming two weeks": the days after publication.
    let days = match keyword(unit, &mut [0; 24]) {
        "days" => 1,
        "weeks" => 7,
        _ => return None,
    };
    Some((unit_at + 1, When::Relative(Rel::NextDays(n * days))))
}

/// "later this year", "later in the month", "earlier in the week": the part of the current
/// period after (or before) publication.
fn rest_of_period(c: &Cursor, i: usize) -> Option<Hit> {
    let later = c.is(i, "later");
    if !later && !c.is(i, "earlier") {
        return None;
    }
    let unit_at = if c.is(i + 1, "this") {
        i + 2
    } else if c.is(i + 1, "in") && c.is(i + 2, "the") {
        i + 3
    } else {
        return None;
    };
    let unit = match keyword(c.word(unit_at)?, &mut [0; 24]) {
        "year" => Period::Year,
        "month" => Period::Month,
        "week" => Period::Week,
        _ => return None,
    };
    Some((unit_at + 1, When::Relative(Rel::PartOf(unit, later))))
}

/// "next Friday" (in next week), "last Friday" (in last week), "this Friday", "this past
/// Friday" (the latest before publication), "this coming Friday" (the first after).
fn weekday_with_determiner(c: &Cursor, i: usize) -> Option<Hit> {
    let (mut det_buf, mut buf) = ([0u8; 24], [0u8; 24]);
    let det = keyword(c.word(i)?, &mut det_buf);
    let second = c.word(i + 1).map(|w| keyword(w, &mut buf));
    let (rel, day_at): (fn(Weekday) -> Rel, usize) = match (det, second) {
        ("this", Some("past")) | ("past", _) => {
            (|d| Rel::Weekday(d, -1), 1 + usize::from(det == "this"))
        }
        ("this", Some("coming" | "upcoming")) | ("coming" | "upcoming", _) => {
            (|d| Rel::Weekday(d, 1), 1 + usize::from(det == "this"))
        }
        ("this", _) => (|d| Rel::WeekdayOfWeek(d, 0), 1),
        ("next" | "following", _) => (|d| Rel::WeekdayOfWeek(d, 1), 1),
        ("last" | "previous", _) => (|d| Rel::WeekdayOfWeek(d, -1), 1),
        _ => return None,
    };
    let day = weekday(c.word(i + day_at)?)?;
    if let Some(hit) = date_after_weekday(c, i + day_at + 1, day) {
        return Some(hit);
    }
    Some((i + day_at + 1, When::Relative(rel(day))))
}

/// "Tuesday of next week", "Monday of the following week", "next week Wednesday", "this
/// week on Monday", "previous week - Monday": a weekday in a week named with it.
fn weekday_in_week(c: &Cursor, i: usize) -> Option<Hit> {
    // The week's offset from the determiner at `k`, with "week" after it.
    let week_at = |k: usize| -> Option<i32> {
        let offset = match keyword(c.word(k)?, &mut [0; 24]) {
            "this" | "current" => 0,
            "next" | "following" | "coming" => 1,
            "last" | "previous" => -1,
            _ => return None,
        };
        c.is(k + 1, "week").then_some(offset)
    };
    if let Some(day) = c.word(i).and_then(weekday) {
        // "Tuesday of next week", "Monday of the following week"
        if !c.is(i + 1, "of") {
            return None;
        }
        let k = i + 2 + usize::from(c.is(i + 2, "the"));
        let offset = week_at(k)?;
        return Some((k + 2, When::Relative(Rel::WeekdayOfWeek(day, offset))));
    }
    // "next week Wednesday", "this week on Monday", "previous week - Monday"
    let offset = week_at(i)?;
    let k = i + 2 + usize::from(c.is_any(i + 2, &["on", "-", "–"]));
    let day = weekday(c.word(k)?)?;
    Some((k + 1, When::Relative(Rel::WeekdayOfWeek(day, offset))))
}

/// `n` days, weeks, months or years as months and days.
fn months_and_days(n: i32, unit: &str) -> Option<(i32, i32)> {
    match unit {
        "day" | "days" => Some((0, n)),
        "week" | "weeks" => Some((0, 7 * n)),
        "month" | "months" => Some((n, 0)),
        "year" | "years" => Some((12 * n, 0)),
        _ => None,
    }
}

/// "3 days after January 12th", "two weeks before May 13 1999", "two months after next
/// Friday", "16 days from 01/02/2018": a count of units before or after a day stated there.
/// After "for", a period from that day ("for 12 months from April 1"). "3 days from now",
/// "from tomorrow" are [`later`]'s.
fn shifted_day(c: &Cursor, i: usize, n: i32, unit: &str) -> Option<Hit> {
    let after_for = i > 0 && c.is(i - 1, "for");
    // "3 days starting from next Monday", "for 2 weeks starting May 20th", "for 3 days,
    // from today": as long, from that day.
    let mut k = i + 2;
    if after_for && c.is(k, ",") && c.is(k + 1, "from") {
        k += 1;
    }
    let starting = c.is(k, "starting");
    if starting {
        k += usize::from(c.is(k + 1, "from"));
    }
    let lasting = after_for || starting;
    let sign = match keyword(c.word(k)?, &mut [0; 24]) {
        "starting" | "from" if starting => 1,
        "after" => 1,
        "from" if lasting || !c.is_any(k + 1, &["now", "today", "tomorrow", "tmrw"]) => 1,
        "before" if !lasting => -1,
        _ => return None,
    };
    let (months, days) = months_and_days(n, unit)?;
    let (end, when, label) = time_at(c, k + 1)?;
    let holiday = matches!(
        when,
        When::Relative(Rel::Holiday(..) | Rel::HolidayOfYear(..))
    );
    let one_day = label == Label::Plain && (is_one_day(when) || holiday);
    let anchor = match End::of(when).filter(|_| one_day)? {
        // "3 days from Tuesday": the coming Tuesday.
        End::Relative(Rel::Weekday(w, 0)) if sign > 0 => End::Relative(Rel::Weekday(w, 1)),
        anchor => anchor,
    };
    if lasting {
        return Some((end, When::Lasting(anchor, months, days)));
    }
    Some((end, When::Shifted(anchor, sign * months, sign * days, None)))
}

/// "two days from now", "three weeks from tomorrow", and "in two weeks" when the clause
/// speaks of the future ("will meet in two weeks"; "the highest in ten years" is no date):
/// the day that far ahead of publication.
fn later(c: &Cursor, i: usize, n: i32, unit: &str) -> Option<Hit> {
    let (months, days) = months_and_days(n, unit)?;
    if c.is(i + 2, "from") {
        let extra = if c.is_any(i + 3, &["now", "today"]) {
            0
        } else if c.is_any(i + 3, &["tomorrow", "tmrw"]) {
            1
        } else {
            return None;
        };
        return Some((i + 4, When::Relative(Rel::Later(months, days + extra))));
    }
    (i > 0 && c.is(i - 1, "in") && c.future_before(i - 1))
        .then_some((i + 2, When::Relative(Rel::Later(months, days))))
}

/// "Monday two weeks from now", "Thursday, two year from now", "in 3 days on Friday", "3
/// weeks after Christmas on Friday": a weekday written beside a day counted from another is
/// that weekday in the week of the day reached, one time.
fn with_weekday_of_shift(times: &mut Vec<RawTime>, text: &str) {
    let mut k = 1;
    while k < times.len() {
        let (a, b) = (times[k - 1], times[k]);
        let link = text[a.span.end..b.core.start].trim().to_ascii_lowercase();
        let joined = match (weekday_alone(&a), weekday_alone(&b)) {
            (Some(w), _) if link.is_empty() || link == "," => shift_on(&b, w),
            (_, Some(w)) if link == "on" => shift_on(&a, w),
            _ => None,
        };
        let Some(when) = joined else {
            k += 1;
            continue;
        };
        // "in 3 days" keeps its "in": it says the count is from now.
        let later = matches!(a.when, When::Relative(Rel::Later(..)));
        let core_start = if later { a.span.start } else { a.core.start };
        times[k - 1] = RawTime {
            span: Span::new(a.span.start, b.span.end),
            core: Span::new(core_start, b.span.end),
            when,
            ..a
        };
        times.remove(k);
    }
}

/// The weekday a time names alone ("Friday", "on Friday").
fn weekday_alone(t: &RawTime) -> Option<Weekday> {
    match (t.when, t.label) {
        (When::Relative(Rel::Weekday(w, 0) | Rel::ComingWeekday(w)), Label::Plain) => Some(w),
        _ => None,
    }
}

/// A day counted from another ("two weeks from now", "3 weeks after Christmas") moved to
/// weekday `w` of its week.
fn shift_on(t: &RawTime, w: Weekday) -> Option<When> {
    match (t.when, t.label) {
        (When::Shifted(anchor, months, days, None), Label::Plain) => {
            Some(When::Shifted(anchor, months, days, Some(w)))
        }
        (When::Relative(Rel::Later(months, days)), Label::Plain) => Some(When::Shifted(
            End::Relative(Rel::Days(0)),
            months,
            days,
            Some(w),
        )),
        _ => None,
    }
}

/// Words before "the year 2019" that bound it.
const YEAR_NOUN_LEADS: &[&str] = &["before", "after", "since", "until", "by"];

/// "the year 2008": a bare year takes the noun "year" before it, unless an earlier time
/// holds that word ("in prior year 1986").
fn with_year_noun(times: &mut [RawTime], text: &str) {
    let mut previous_end = 0;
    for t in times.iter_mut() {
        let taken = previous_end;
        previous_end = t.span.end;
        let bare_year = t.span == t.core && text[t.span.start..t.span.end].len() == 4;
        let prefix = text[..t.span.start].trim_end();
        let noun_at = prefix.len().saturating_sub(4);
        // Four bytes back may fall inside a character ("ação 2008"): `get`, not indexing.
        let noun = prefix
            .get(noun_at..)
            .is_some_and(|w| w.eq_ignore_ascii_case("year"));
        let boundary = prefix
            .get(..noun_at)
            .is_some_and(|before| !before.ends_with(char::is_alphanumeric));
        if bare_year && noun && boundary && noun_at >= taken && matches!(t.when, When::Fixed(..)) {
            // "before the year 2019": a bounding word comes with the noun and its article
            // ("in the year 2008" is "year 2008").
            let the = phrase_before(text, noun_at, &["the"]).unwrap_or(noun_at);
            let lead = phrase_before(text, the, YEAR_NOUN_LEADS).filter(|&at| at >= taken);
            t.core.start = if lead.is_some() { the } else { noun_at };
            t.span.start = lead.unwrap_or(t.core.start);
        }
    }
}

/// Words after a time that leave its end open ("2012 or later", "1/1/2016 and after").
const OPEN_ENDS: &[&str] = &[
    "or later",
    "and later",
    "or after",
    "and after",
    "or greater",
    "and greater",
    "onwards",
    "onward",
];

/// "2012 or later", "1/1/2016 and after", "2019 onwards": the words that leave a time's end
/// open are part of its span (the time itself says where it starts), unless more words follow
/// ("on 1/1/2016 and after my work is done").
fn with_open_end(times: &mut [RawTime], text: &str) {
    for t in times.iter_mut() {
        let Some(len) = phrase_after(text, t.span.end, OPEN_ENDS) else {
            continue;
        };
        let after = t.span.end + len;
        let closes = text[after..]
            .chars()
            .find(|c| !c.is_whitespace())
            .is_none_or(|c| !c.is_alphanumeric());
        if closes {
            t.span.end = after;
        }
    }
}

/// Merges "between 2019 and 2023", "from 2019 to 2023", "from next Friday to October 1"
/// into one interval, after a day or month takes the year stated after it ("June 26 in
/// 2020"), and "now" ends or starts a range ("between January 2019 and now"). When `join`
/// is false, days stated apart stay apart as the clock times do ([`scan_with`]).
fn merge_ranges(times: &mut Vec<RawTime>, text: &str, join: bool) {
    with_year_after(times, text);
    let mut k = 1;
    while k < times.len() {
        let (a, b) = (times[k - 1], times[k]);
        match joined_range(&a, &b, text).filter(|r| join || !matches!(r.when, When::Between(..))) {
            Some(merged) => {
                times[k - 1] = merged;
                times.remove(k);
            }
            None => k += 1,
        }
    }
    for t in times.iter_mut() {
        with_now(t, text);
    }
    // "between 2014-2018", "from 2014-2018": a range written in one expression.
    for t in times.iter_mut() {
        let ranged =
            matches!(t.label, Label::Range(_) | Label::ClockRange { .. }) || is_day_run(t.when);
        if let (true, Some(start)) = (ranged, range_word_start(text, t.span.start)) {
            if t.span.start == t.core.start {
                t.span.start = start;
                t.core.start = start;
            }
        }
    }
}

/// A run of days of one month written as one expression ("November 19-20", "9th through
/// 17th of April").
fn is_day_run(when: When) -> bool {
    match when {
        When::Relative(Rel::MonthDay(_, d1, d2, _)) => d1 < d2,
        When::Fixed(s, e) => s < e && s.first_of_month() == e.first_of_month() && s.day() != 1,
        _ => false,
    }
}

/// "June 26 in 2020", "26th June of 2020", "April in 2016": a day or month with no year
/// followed by "in" or "of" and a year is that day or month of that year.
fn with_year_after(times: &mut Vec<RawTime>, text: &str) {
    let mut k = 1;
    while k < times.len() {
        let (a, b) = (times[k - 1], times[k]);
        let link = text[a.span.end..b.core.start].trim().to_ascii_lowercase();
        let year = match b.when {
            When::Fixed(s, e)
                if b.label == Label::Plain && year_span(i32::from(s.year())) == Some((s, e)) =>
            {
                Some(s.year())
            }
            _ => None,
        };
        let dated = match (year, a.when, a.label) {
            (Some(y), When::Relative(Rel::MonthDay(m, d1, d2, _)), Label::Plain) => {
                fixed(i32::from(y), m, d1, d2)
            }
            (Some(y), _, Label::Plain) => month_alone(&a)
                .and_then(|m| month_span(i32::from(y), m))
                .map(|(s, e)| When::Fixed(s, e)),
            _ => None,
        };
        // "June last year", "October of next year": the month is of that year, and the year
        // stays a time of its own (as TimeML tags the two).
        let of_relative_year = match (a.label, b.when, b.label) {
            (Label::Plain, When::Relative(Rel::Years(n)), Label::Plain)
                if b.span == b.core && (link.is_empty() || link == "of") =>
            {
                month_alone(&a).map(|m| When::Relative(Rel::MonthOfYear(m, n)))
            }
            _ => None,
        };
        if let Some(when) = of_relative_year {
            times[k - 1].when = when;
            k += 1;
            continue;
        }
        match dated {
            Some(when) if link == "in" || link == "of" => {
                times[k - 1] = RawTime {
                    span: Span::new(a.span.start, b.span.end),
                    core: Span::new(a.core.start, b.span.end),
                    when,
                    ..a
                };
                times.remove(k);
            }
            _ => k += 1,
        }
    }
}

/// The range two neighbouring times make when a range word joins them ("from A to B",
/// "between A and B", "A through B", "A-B").
fn joined_range(a: &RawTime, b: &RawTime, text: &str) -> Option<RawTime> {
    let between = text[a.span.end..b.span.start].trim();
    let range_word = range_word_start(text, a.span.start);
    // "from 2014 till 2018": the second time took "till" as its own preposition.
    let b_lead = text[b.span.start..b.core.start].trim();
    let joined = ["to", "through", "thru", "until", "till", "-", "–", "~"]
        .iter()
        .any(|w| between.eq_ignore_ascii_case(w))
        || (between.is_empty()
            && range_word.is_some()
            && ["till", "until"]
                .iter()
                .any(|w| b_lead.eq_ignore_ascii_case(w)))
        || (between.eq_ignore_ascii_case("and")
            && super::tokens::lower_tail(text[..a.span.start].trim_end(), 16).ends_with("between"));
    // "from 6.1 pct in 1985 to last year's levels": a possessive time qualifies a noun.
    let possessive = ["'s", "’s"]
        .iter()
        .any(|s| text[b.span.end..].starts_with(s));
    if !joined || possessive {
        return None;
    }
    let start = range_word.unwrap_or(a.span.start);
    // "in 2014 through May 2018": "in" stays a preposition outside the range.
    let core_start = range_word.unwrap_or(a.core.start);
    let range = |when, label| RawTime {
        span: Span::new(start, b.span.end),
        core: Span::new(core_start, b.span.end),
        when,
        deadline: b.deadline,
        label,
    };
    if let (Some(m1), Some(m2)) = (month_alone(a), month_alone(b)) {
        return Some(range(When::Relative(Rel::MonthSpan(m1, m2)), Label::Plain));
    }
    if let Some((s, e)) = part_range(a.when, b.when) {
        let after = e.tomorrow().ok()?;
        return (s <= e).then(|| range(When::Fixed(s, e), Label::Range(after)));
    }
    if let (Some(s), When::Fixed(b_start, e)) = (start_in_year_of(a, b.when), b.when) {
        return (s < e).then(|| range(When::Fixed(s, e), Label::Range(b_start)));
    }
    let plain = a.label == Label::Plain && b.label == Label::Plain;
    match (End::of(a.when), End::of(b.when)) {
        (Some(x), Some(y)) if plain => Some(range(When::Between(x, y), Label::Plain)),
        _ => None,
    }
}

/// "between January 2019 and now", "from March to date", "between now and November 15th":
/// a time joined to "now" is a range from it to the publication day, or from that day to it.
fn with_now(t: &mut RawTime, text: &str) {
    let Some(end) = End::of(t.when).filter(|_| t.label == Label::Plain) else {
        return;
    };
    let today = End::Relative(Rel::Days(0));
    let range_word = range_word_start(text, t.span.start);
    let ends: &[&str] = if range_word.is_some() {
        NOW_ENDS
    } else {
        &["to date"]
    };
    if let Some(len) = phrase_after(text, t.span.end, ends) {
        t.span = Span::new(range_word.unwrap_or(t.span.start), t.span.end + len);
        t.core = Span::new(range_word.unwrap_or(t.core.start), t.span.end);
        t.when = When::Between(end, today);
        return;
    }
    // "from now until May": the time took "until" as its own preposition.
    let lead = text[t.span.start..t.core.start].trim();
    let starts: &[&str] = if ["until", "till", "to", "through"]
        .iter()
        .any(|w| lead.eq_ignore_ascii_case(w))
    {
        &["from now"]
    } else {
        &[
            "between now and",
            "from now to",
            "from now until",
            "from now till",
        ]
    };
    if let Some(start) = phrase_before(text, t.span.start, starts) {
        t.span.start = start;
        t.core.start = start;
        t.when = When::Between(today, end);
    }
}

/// What ends a range at the publication day: "(from March) to date", "(between May) and now".
const NOW_ENDS: &[&str] = &[
    "and now",
    "to now",
    "until now",
    "till now",
    "to date",
    "till current date",
    "until current date",
    "to the present",
];

/// The length of the first of `phrases` that follows `at` as whole words (spaces before it
/// included).
fn phrase_after(text: &str, at: usize, phrases: &[&str]) -> Option<usize> {
    let rest = &text[at..];
    let trimmed = rest.trim_start();
    let gap = rest.len() - trimmed.len();
    phrases.iter().find_map(|p| {
        let head = trimmed.get(..p.len())?;
        let boundary = trimmed[p.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        (head.eq_ignore_ascii_case(p) && boundary).then_some(gap + p.len())
    })
}

/// Where the first of `phrases` starts when it directly precedes `at` as whole words.
fn phrase_before(text: &str, at: usize, phrases: &[&str]) -> Option<usize> {
    let prefix = text[..at].trim_end();
    phrases.iter().find_map(|p| {
        let cut = prefix.len().checked_sub(p.len())?;
        let tail = prefix.get(cut..)?;
        let boundary = prefix[..cut]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        (tail.eq_ignore_ascii_case(p) && boundary).then_some(cut)
    })
}

/// The month of a month named alone ("May", "in October", a coming month in a future
/// clause, but not "next May"), which a range of months joins.
fn month_alone(t: &RawTime) -> Option<i8> {
    match t.when {
        When::Relative(Rel::Month(m) | Rel::ComingMonth(m)) => Some(m),
        _ => None,
    }
}

/// The first day of a range's first time: its own, or for a month or day with no year
/// ("from May to October 2020", "Nov 18-Dec 19, 2015"), in the year of the second time, or
/// the year before when it would fall after the second's start ("Nov-Feb 2017").
fn start_in_year_of(first: &RawTime, second: When) -> Option<Date> {
    let When::Fixed(second_start, _) = second else {
        return None;
    };
    let (m, d) = match (first.when, month_alone(first)) {
        (When::Fixed(s, _), _) => return Some(s),
        (_, Some(m)) => (m, 1),
        (When::Relative(Rel::MonthDay(m, d, ..)), _) => (m, d),
        _ => return None,
    };
    let date = Date::new(second_start.year(), m, d).ok()?;
    if date > second_start {
        Date::new(second_start.year() - 1, m, d).ok()
    } else {
        Some(date)
    }
}

/// The days of a range between stated years, months or days when one end is a part of one
/// ("from 2007 to the end of 2008", "between the end of 2007 and mid-2008"). A part is taken as
/// the point where it lies: the end of 2007 as the start is 2008-01-01, the middle of 2008 as
/// the end is 2008-07-01, the start of 2008 as the end is 2007-12-31.
fn part_range(a: When, b: When) -> Option<(Date, Date)> {
    if !matches!(a, When::Part(..)) && !matches!(b, When::Part(..)) {
        return None;
    }
    // Where a part of `s..=e` lies: its first day, its middle day or the day after it.
    let point = |when: When| -> Option<Date> {
        match when {
            When::Part(End::Fixed(s, e), part) => match part {
                Part::Early => Some(s),
                Part::Middle => s
                    .checked_add(((e.since(s).ok()?.get_days() + 1) / 2).days())
                    .ok(),
                Part::Late | Part::Final => e.tomorrow().ok(),
            },
            _ => None,
        }
    };
    let start = match a {
        When::Fixed(s, _) => s,
        _ => point(a)?,
    };
    let end = match b {
        When::Fixed(_, e) => e,
        _ => point(b)?.yesterday().ok()?,
    };
    Some((start, end))
}

/// Where "between" or "from" starts when it directly precedes `at`.
fn range_word_start(text: &str, at: usize) -> Option<usize> {
    phrase_before(text, at, &["between", "from"])
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The times of `text`, resolved against `published`.
    fn resolved(text: &str, published: &str) -> Vec<TimeExpr> {
        let p: Date = published
            .parse()
            .unwrap_or_else(|e| panic!("bad test date: {e}"));
        scan(&tokenize(text), text)
            .iter()
            .filter_map(|raw| resolve(raw, Some(p)))
            .collect()
    }

    fn times(text: &str, published: &str) -> Vec<(String, String, String)> {
        resolved(text, published)
            .into_iter()
            .map(|t| {
                (
                    text[t.span.start..t.span.end].to_string(),
                    t.start.to_string(),
                    t.end.to_string(),
                )
            })
            .collect()
    }

    /// (span, TIMEX value) of each time in `text`.
    fn timexes(text: &str, published: &str) -> Vec<(String, String)> {
        resolved(text, published)
            .into_iter()
            .map(|t| (text[t.span.start..t.span.end].to_string(), t.timex))
            .collect()
    }

    macro_rules! timex_cases {
        ($($name:ident: $text:expr, $published:expr => $span:expr, $timex:expr;)*) => {$(
            #[test]
            fn $name() {
                let got = timexes($text, $published);
                assert_eq!(got, vec![($span.to_string(), $timex.to_string())], "{}", $text);
            }
        )*};
    }

    /// Whether the gate before the matchers lets a time begin at the first word of `text`.
    fn begins(text: &str) -> bool {
        let tokens = tokenize(text);
        let c = Cursor {
            tokens: &tokens,
            text,
            join_clocks: true,
        };
        may_begin_at(&c, 0)
    }

    #[test]
    fn times_starting_on_articles_pass_the_gate() {
        let phrases = [
            ("They met the same day.", "the same day"),
            ("That day they met.", "That day"),
            ("Send it by the eod.", "the eod"),
            ("He left a week ago.", "a week ago"),
            ("Prices rose in the '90s.", "the '90s"),
            (
                "It grew in the first half of 2023.",
                "the first half of 2023",
            ),
            ("We close on New Year's Day.", "New Year's Day"),
            ("It closes at a quarter past seven.", "a quarter past seven"),
            (
                "Born on the twenty third day of September 1990.",
                "the twenty third day of September 1990",
            ),
            ("She left two years ago.", "two years ago"),
            ("We meet at seven o'clock.", "seven o'clock"),
            ("We meet at five past seven.", "five past seven"),
            (
                "The bank opens at nine in the morning.",
                "nine in the morning",
            ),
        ];
        for (text, phrase) in phrases {
            let found: Vec<&str> = scan(&tokenize(text), text)
                .iter()
                .map(|t| &text[t.core.start..t.span.end])
                .collect();
            assert!(found.contains(&phrase), "{text}: {found:?}");
        }
        for start in [
            "the U.S. said",
            "a new plant",
            "New York",
            "in the",
            "that the",
            "one of them",
            "two mln dlrs",
        ] {
            assert!(!begins(start), "{start}");
        }
    }

    timex_cases! {
        timex_year: "Exports grew in 2023.", "2024-03-01" => "in 2023", "2023";
        timex_month: "in March 2022 trade", "2024-03-01" => "in March 2022", "2022-03";
        timex_quarter: "in the third quarter of 2023", "2024-03-01" => "in the third quarter of 2023", "2023-Q3";
        timex_week: "sales this week rose", "2024-03-06" => "this week", "2024-W10";
        fiscal_year: "profit for fiscal 1988 rose", "1987-10-01" => "for fiscal 1988", "FY1988";
        day_of_month_alone: "Can you set something up on the 18th.", "2018-08-10" => "the 18th", "2018-07-18";
        day_of_month_before_a_noun_is_none_alone: "born on the 18th century estate", "2018-08-10" => "the 18th century", "17";
        noon_with_its_twelve: "lunch at 12 noon today", "2018-08-10" => "12 noon today", "2018-08-10T12:00";
        mid_night: "go back at mid night.", "2018-08-10" => "mid night", "2018-08-10T00:00";
        hour_ish: "back 11ish", "2018-08-10" => "11ish", "2018-08-10T11:00";
        tonite: "see you tonite, honey", "2018-08-10" => "tonite", "2018-08-10TNI";
        clock_seconds: "at 16:15:01 local time", "1987-04-07" => "16:15:01", "1987-04-07T16:15:01";
        end_of_tomorrow: "I'll go back end of tomorrow", "2016-11-07" => "end of tomorrow", "2016-11-08T23:59:59";
        end_of_the_day: "trading until the end of the day", "1987-03-22" => "until the end of the day", "1987-03-22T23:59:59";
        end_of_the_day_idiom_is_the_day_alone: "At the end of the day, it is jobs", "2016-11-07" => "the day", "2016-11-07";
        greater_than_a_year: "where year is greater than 2015", "2019-01-01" => "greater than 2015", "2015";
        greater_than_amounts_is_no_bound: "five times greater than 1985, the union said", "1987-03-01" => "1985", "1985";
        comparison_signs_bound_a_year: "sales > = 2019", "2020-01-01" => "> = 2019", "2019";
        weekday_two_weeks_from_now: "I'll go back Monday two weeks from now.", "2016-11-09" => "Monday two weeks from now", "2016-11-21";
        in_days_on_a_weekday: "I'll go back in 3 days on Friday.", "2016-11-09" => "in 3 days on Friday", "2016-11-11";
        weekday_in_the_sunday_week_of_a_shifted_day: "back Sunday 3 weeks after January 15th", "2021-01-02" => "Sunday 3 weeks after January 15th", "2021-01-31";
        contracted_will_looks_ahead: "We'll meet Friday", "2016-11-09" => "Friday", "2016-11-11";
        february_29_in_a_common_year_is_the_last_leap_day: "sold on Feb 29", "2018-03-01" => "Feb 29", "2016-02-29";
        february_29_ahead_is_the_next_leap_day: "will pay on Feb 29", "2018-03-01" => "Feb 29", "2020-02-29";
        fiscal_year_after_its_number: "in the 1987 fiscal year", "1987-10-01" => "1987 fiscal year", "FY1987";
        fiscal_code_two_digits: "sales in FY87 fell", "1987-10-01" => "in FY87", "FY1987";
        school_year_code: "Show sales in the sy18", "2019-01-01" => "sy18", "SY2018";
        last_fiscal_year: "for the last fiscal year", "1987-10-01" => "for the last fiscal year", "FY1986";
        calendar_year_is_the_year: "output in calendar 1987 rose", "1987-10-01" => "in calendar 1987", "1987";
        this_calendar_year: "gains in this calendar year", "2019-05-01" => "in this calendar year", "2019";
        fiscal_split_year_spans_both: "profit for fiscal 1986/87 rose", "1987-03-01" => "for fiscal 1986/87", "(1986-01-01,1988-01-01,P2Y)";
        bound_before_the_year_noun: "stay in China before the year 2019.", "2018-05-01" => "before the year 2019", "2019";
        year_noun_after_in_keeps_no_article: "Show sales in the year 2008", "2018-05-01" => "year 2008", "2008";
        week_starting_a_day: "prices for the week starting March 9 rose", "1987-03-05" => "for the week starting March 9", "1987-W11";
        week_commencing_abbreviated: "a meeting for w/c Feb 4.", "2019-01-07" => "for w/c Feb 4", "2019-W06";
        iso_week_number: "Show sales in the week 31", "2018-07-02" => "week 31", "2018-W31";
        iso_week_of_a_year: "sales in week 3 of 2027", "2018-07-02" => "in week 3 of 2027", "2027-W03";
        iso_week_of_last_year: "sales in week 27 of last year", "2018-07-02" => "in week 27 of last year", "2017-W27";
        lasting_starting_a_day: "closed for two weeks starting today", "1987-04-24" => "for two weeks starting today", "(1987-04-24,1987-05-08,P14D)";
        lasting_starting_from: "replies for 3 days starting from next Monday", "2019-10-07" => "for 3 days starting from next Monday", "(2019-10-14,2019-10-17,P3D)";
        should_be_tells_of_the_future: "The sale should be completed in October.", "2009-06-05" => "in October", "2009-10";
        should_have_been_does_not: "The crop should have been larger in April.", "1987-06-15" => "in April", "1987-04";
        more_than_a_counted_day: "will start more than 2 weeks after today", "2018-05-29" => "more than 2 weeks after today", "2018-06-12";
        timex_whole_months_count_months: "in the first nine months of 1986", "1987-03-01" => "in the first nine months of 1986", "(1986-01-01,1986-10-01,P9M)";
        timex_whole_years_count_years: "over the fiscal period 1987 to 1991", "1987-03-01" => "1987 to 1991", "(1987-01-01,1992-01-01,P5Y)";
        timex_weeks_from_a_monday_count_weeks: "reconvene within the next six weeks", "1987-03-01" => "within the next six weeks", "(1987-03-02,1987-04-13,P6W)";
        timex_since_is_the_anchor: "up since October 1997", "2009-02-25" => "since October 1997", "1997-10";
        timex_part_of_year_is_the_year: "due in early 2009", "2008-06-01" => "in early 2009", "2009";
        timex_part_of_decade_is_the_decade: "in the late 1990s", "2008-06-01" => "in the late 1990s", "199X";
        timex_past_years_is_a_duration: "over the past 12 years", "2024-03-01" => "over the past 12 years", "P12Y";
        clock_time_utc: "launched at 16:00 UTC today", "2009-06-01" => "16:00 UTC today", "2009-06-01T16:00";
        clock_time_pm: "at 6:40 p.m. on", "2007-10-17" => "6:40 p.m.", "2007-10-17T18:40";
        clock_time_weekday: "at 12:00 UTC Monday", "2009-06-03" => "12:00 UTC Monday", "2009-06-01T12:00";
        clock_last_night: "fired at 10:15 last night", "2009-06-03" => "10:15 last night", "2009-06-02T22:15";
        clock_range_this_morning: "between 10 and 11:30 this morning", "2009-06-03" => "between 10 and 11:30 this morning", "(2009-06-03T10:00,2009-06-03T11:30)";
        clock_range_day_afternoon: "from 3:00-8:00 yesterday afternoon", "2009-06-03" => "from 3:00-8:00 yesterday afternoon", "(2009-06-02T15:00,2009-06-02T20:00)";
        this_morning: "said this morning", "2008-01-09" => "this morning", "2008-01-09TMO";
        weekday_night: "on Thursday night", "2006-01-27" => "Thursday night", "2006-01-26TNI";
        this_weekend: "opens this weekend", "2010-01-27" => "this weekend", "2010-W04-WE";
        the_same_day: "closed the same day.", "2009-04-03" => "the same day", "2009-04-03";
        until_weekday_is_ahead: "open until Friday", "2008-09-16" => "until Friday", "2008-09-19";
        weeks_ago_is_a_day: "a week ago", "2011-03-18" => "a week ago", "2011-03-11";
        quarter_just_ended: "profit in the fourth quarter", "2007-01-20" => "in the fourth quarter", "2006-Q4";
        this_named_month: "closes this September", "2016-11-07" => "this September", "2016-09";
        next_named_month: "opens next May", "2016-11-07" => "next May", "2017-05";
        last_named_month: "since last sept", "2016-11-07" => "since last sept", "2016-09";
        this_summer: "leave this summer", "2016-11-07" => "this summer", "2016-SU";
        last_winter_in_january: "snow last winter", "2017-01-10" => "last winter", "2015-WI";
        season_with_year: "in spring 2009", "2010-01-01" => "in spring 2009", "2009-SP";
        noon_tomorrow: "at noon tomorrow", "2016-11-07" => "noon tomorrow", "2016-11-08T12:00";
        next_days: "over the next 3 days", "2016-11-07" => "over the next 3 days", "(2016-11-08,2016-11-11,P3D)";
        in_weeks_in_a_future_clause: "they will meet in two weeks", "2018-03-23" => "in two weeks", "2018-04-06";
        days_from_now: "due three days from now", "2018-03-23" => "three days from now", "2018-03-26";
        weeks_from_tomorrow: "three weeks from tomorrow", "2018-06-01" => "three weeks from tomorrow", "2018-06-23";
        before_a_year: "built before 2018", "2024-03-01" => "before 2018", "2018";
        later_than_a_year: "no sooner or later than 2020", "2018-09-07" => "later than 2020", "2020";
        next_weekday_is_in_next_week: "on next Friday", "2019-01-31" => "next Friday", "2019-02-08";
        last_weekday_is_in_last_week: "last Wednesday", "2019-01-31" => "last Wednesday", "2019-01-23";
        past_weekday_is_the_latest: "this past Wednesday", "2019-01-31" => "this past Wednesday", "2019-01-30";
        coming_weekday_is_the_first_after: "coming Thursday", "2019-01-31" => "coming Thursday", "2019-02-07";
        lower_case_month_with_day: "on 14 nov 2023", "2023-01-01" => "14 nov 2023", "2023-11-14";
        lower_case_may_before_a_day: "back may 29, 2017", "2017-01-01" => "may 29, 2017", "2017-05-29";
        month_range_takes_the_second_year: "from May to Oct 2020", "2019-01-01" => "from May to Oct 2020", "(2020-05-01,2020-11-01,P6M)";
        month_range_across_new_year: "Nov-Feb 2017", "2019-01-01" => "Nov-Feb 2017", "(2016-11-01,2017-03-01,P4M)";
        later_this_year_is_the_year: "will open later this year", "2006-03-10" => "later this year", "2006";
        year_then_quarter: "sales in 2019 Q1", "2020-01-01" => "in 2019 Q1", "2019-Q1";
        quarter_hyphen_year: "q1-2019 sales", "2020-01-01" => "q1-2019", "2019-Q1";
        final_quarter: "in the final quarter of 2009", "2010-01-01" => "in the final quarter of 2009", "2009-Q4";
        range_of_days_without_years: "valid February 27-July 7", "1987-03-02" => "February 27-July 7", "(1987-02-27,1987-07-08,P131D)";
        range_from_today: "accepted between today and March 6", "1987-03-04" => "between today and March 6", "(1987-03-04,1987-03-07,P3D)";
        range_to_a_weekday_after_its_start: "off from next Monday to Friday", "2019-09-05" => "from next Monday to Friday", "(2019-09-09,2019-09-14,P5D)";
        range_to_now: "docked between Jan 2019 and now", "2020-04-26" => "between Jan 2019 and now", "(2019-01-01,2020-04-27,P482D)";
        range_from_now: "spending between now and June on", "1987-03-05" => "between now and June", "(1987-03-05,1987-07-01,P118D)";
        range_to_date: "docked from March to date", "2016-11-07" => "from March to date", "(2016-03-01,2016-11-08,P252D)";
        month_then_year_after_a_comma: "since July, 1984", "1987-03-01" => "since July, 1984", "1984-07";
        day_then_in_year: "travel on 26 june in 2020", "2019-05-30" => "26 june in 2020", "2020-06-26";
        weekday_and_day_of_month: "any arrangement on Monday 21!", "2019-01-25" => "Monday 21", "2019-01-21";
        weekday_and_ordinal_word: "coffee on tuesday the eleventh.", "2019-06-10" => "tuesday the eleventh", "2019-06-11";
        last_week_of_a_month: "I was out the last week of july", "2017-08-07" => "the last week of july", "2017-W30";
        last_week_of_a_month_to_come: "I'll be out the last week of july", "2017-08-07" => "the last week of july", "2018-W30";
        first_week_of_a_year_is_iso: "How about first week of 2015", "2018-11-29" => "first week of 2015", "2015-W01";
        ordinal_week_of_a_month: "in the 3rd week of Jan 2019", "2018-11-29" => "in the 3rd week of Jan 2019", "2019-W03";
        week_of_a_past_month_after_than_expected: "smaller than expected after exports rallied in the fourth week of February", "1987-03-05" => "in the fourth week of February", "1987-W09";
        week_holding_a_day: "during the week of April 20", "1987-04-02" => "during the week of April 20", "1987-W17";
        days_after_a_day_with_no_year: "It will happen 3 days after January 12th.", "2016-11-07" => "3 days after January 12th", "2017-01-15";
        weeks_before_a_dated_day: "It happened 2 weeks before May 13 1999.", "2016-11-07" => "2 weeks before May 13 1999", "1999-04-29";
        days_from_a_weekday_is_after_the_coming_one: "due 3 days from Tuesday.", "2016-11-07" => "3 days from Tuesday", "2016-11-11";
        weeks_before_a_holiday: "It happened 2 weeks before Christmas.", "2016-11-07" => "2 weeks before Christmas", "2016-12-11";
        a_period_from_a_day: "extended for 12 months from April 1", "1987-03-05" => "for 12 months from April 1", "(1987-04-01,1988-04-01,P1Y)";
        the_year_2008: "in the year 2008", "2010-01-01" => "year 2008", "2008";
        weekday_and_date: "call on Tue May 9 at", "2017-05-01" => "Tue May 9", "2017-05-09";
        weekday_and_slash_date: "done friday 5/12", "2019-05-20" => "friday 5/12", "2019-05-12";
        clock_after_its_day: "back tomorrow 8:00am", "2016-11-07" => "tomorrow 8:00am", "2016-11-08T08:00";
        bare_hour_at_night: "back tonight at 10.", "2016-11-07" => "tonight at 10", "2016-11-07T22:00";
        clock_before_a_day_part: "left 8am this morning", "2016-11-07" => "8am this morning", "2016-11-07T08:00";
        dotted_clock: "at 8.30pm today", "2019-12-26" => "8.30pm today", "2019-12-26T20:30";
        clock_range_takes_pm: "out 5 to 6pm today", "2016-11-07" => "5 to 6pm today", "(2016-11-07T17:00,2016-11-07T18:00)";
        clock_range_with_minutes_takes_pm: "tomorrow from 7:00 to 8:00pm", "2016-11-07" => "tomorrow from 7:00 to 8:00pm", "(2016-11-08T19:00,2016-11-08T20:00)";
        clock_range_keeps_order: "from 2:30 to 2:15 pm", "2016-11-07" => "from 2:30 to 2:15 pm", "(2016-11-07T02:30,2016-11-07T14:15)";
        clock_range_tonight: "meet tonight from 7 to 7:30", "2016-11-07" => "tonight from 7 to 7:30", "(2016-11-07T19:00,2016-11-07T19:30)";
        clock_before_on_its_day: "done today before 4pm", "2018-06-26" => "today before 4pm", "2018-06-26T16:00";
        clock_by_in_the_afternoon: "on Tuesday by 2 in the afternoon", "2018-06-21" => "Tuesday by 2 in the afternoon", "2018-06-19T14:00";
        clock_around: "sick around 1pm", "2018-06-21" => "around 1pm", "2018-06-21T13:00";
        how_about_asks: "How about 5pm?", "2018-06-21" => "5pm", "2018-06-21T17:00";
        clock_small_hours_tonight: "back tonight around 3", "2019-12-26" => "tonight around 3", "2019-12-26T03:00";
        around_a_year_is_left_out: "built around 1990", "2018-06-21" => "1990", "1990";
        half_past_in_words: "It's half past seven o'clock", "2016-11-07" => "half past seven o'clock", "2016-11-07T07:30";
        minutes_past_in_the_evening: "It's 20 min past eight in the evening", "2016-11-07" => "20 min past eight in the evening", "2016-11-07T20:20";
        quarter_to: "left at a quarter to nine", "2016-11-07" => "a quarter to nine", "2016-11-07T08:45";
        spaced_pm: "dinner seven p . m .", "2016-11-07" => "seven p . m .", "2016-11-07T19:00";
        hour_word_pm: "call at six pm", "2016-11-07" => "six pm", "2016-11-07T18:00";
        minutes_in_words_after_a_day: "sets tomorrow at seven twenty-seven", "2016-11-07" => "tomorrow at seven twenty-seven", "2016-11-08T07:27";
        clock_range_in_words: "from three thirty to four thirty", "2016-11-07" => "from three thirty to four thirty", "(2016-11-07T03:30,2016-11-07T04:30)";
        clock_range_in_the_morning: "out 5 to seven in the morning", "2016-11-07" => "5 to seven in the morning", "(2016-11-07T05:00,2016-11-07T07:00)";
        clock_range_in_the_afternoon: "out between 5 and 6 in the afternoon", "2016-11-07" => "between 5 and 6 in the afternoon", "(2016-11-07T17:00,2016-11-07T18:00)";
        hour_at_night_after_at: "ending at one am est", "1987-03-11" => "one am", "1987-03-11T01:00";
    }

    #[test]
    fn recurring_weekdays_are_sets_not_dates() {
        for (text, timex) in [
            ("two mln dinars by tender each Tuesday.", "XXXX-WXX-2"),
            ("meets every Monday at 4pm", "XXXX-WXX-1T16"),
            ("every other Friday", "XXXX-WXX-5"),
            ("closed on Mondays", "XXXX-WXX-1"),
        ] {
            let raws = scan(&tokenize(text), text);
            let sets: Vec<String> = raws.iter().filter_map(set_timex).collect();
            assert_eq!(sets, [timex], "{text}");
            assert!(resolved(text, "2018-06-01").is_empty(), "{text}");
        }
        assert_eq!(timexes("met on Monday", "2018-06-01").len(), 1);
    }

    #[test]
    fn counts_fractions_and_scores_are_no_clock_times() {
        for text in [
            "produces about two-thirds of the oil",
            "valued the warrants at two to three dlrs per share",
            "one-quarter to one-third was estimated",
            "expects a half to one percentage point gain",
            "will own nine FM and four AM stations",
            "from three minutes to one minute",
            "approved by 16 to 6 on a vote",
            "bought 8 O'Clock coffee",
            "fell 5 in the morning session",
            "rates at three-month LIBOR",
        ] {
            assert_eq!(timexes(text, "1987-03-02"), vec![], "{text}");
        }
    }

    #[test]
    fn a_month_before_a_relative_year_is_of_that_year() {
        let pairs = |text: &str, published: &str| timexes(text, published);
        let both = |month: &str, m: &str, year: &str, y: &str| {
            vec![
                (month.to_string(), m.to_string()),
                (year.to_string(), y.to_string()),
            ]
        };
        assert_eq!(
            pairs("sales rose in June last year", "2009-05-15"),
            both("in June", "2008-06", "last year", "2008")
        );
        assert_eq!(
            pairs("renewed after October of next year", "2009-05-15"),
            both("after October", "2010-10", "next year", "2010")
        );
        assert_eq!(
            pairs("75,000 in May a year ago", "1987-06-30"),
            both("in May", "1986-05", "a year ago", "1986")
        );
        // A comma ends the month's clause: "last year" starts another.
        assert_eq!(
            pairs("prices fell in June, last year they rose", "2009-05-15")[0],
            ("in June".to_string(), "2009-06".to_string())
        );
    }

    #[test]
    fn bare_hours_beside_their_day_are_a_clock_range_unless_a_score_or_price() {
        let first = |text: &str| timexes(text, "2018-11-01").into_iter().next();
        let range = |span: &str, timex: &str| Some((span.to_string(), timex.to_string()));
        assert_eq!(
            first("Are you available next Monday 1-3 pm"),
            range("next Monday 1-3 pm", "(2018-11-05T13:00,2018-11-05T15:00)")
        );
        assert_eq!(
            first("Where were you Monday 3-8"),
            range("Monday 3-8", "(2018-10-29T03:00,2018-10-29T08:00)")
        );
        assert_eq!(
            first("Are you available 6-8 next Monday"),
            range("6-8 next Monday", "(2018-11-05T06:00,2018-11-05T08:00)")
        );
        assert_eq!(
            first("I was out between 7 and 9 last night"),
            range(
                "between 7 and 9 last night",
                "(2018-10-31T19:00,2018-10-31T21:00)"
            )
        );
        assert_eq!(
            first("It ran from 10:30 to 3 on 1/1/2015"),
            range(
                "from 10:30 to 3 on 1/1/2015",
                "(2015-01-01T10:30,2015-01-01T15:00)"
            )
        );
        // Scores, votes and prices beside a day are no hours.
        for text in [
            "They beat Boston 6-4 Monday",
            "The bill approved 12-6 yesterday would rescue the fund",
            "The bonds were quoted today at 6-1",
            "maturing March 1, 1994, 8-1",
        ] {
            assert!(
                timexes(text, "2018-11-01")
                    .iter()
                    .all(|t| !t.1.contains('T')),
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_after_weekdays_and_possessive_times_end_no_ranges() {
        let people = timexes("On Monday 21 people died.", "2019-01-25");
        assert_eq!(
            people,
            vec![("Monday".to_string(), "2019-01-21".to_string())]
        );
        let ranked = timexes("on Tuesday the first Macs shipped", "2006-01-12");
        assert_eq!(
            ranked,
            vec![("Tuesday".to_string(), "2006-01-10".to_string())]
        );
        let levels = times("from 6.1 pct in 1985 to last year's levels", "1987-03-01");
        assert_eq!(levels.len(), 2, "{levels:?}");
    }

    #[test]
    fn a_weekday_before_a_date_of_another_weekday_stays_apart() {
        // A headline ending "until Friday" run into the dateline "September 18, 2008" (a
        // Thursday) is two times.
        let got = timexes("closed until Friday September 18, 2008 The", "2008-09-18");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn easter_follows_the_computus() {
        for (year, day) in [
            (2018, "2018-04-01"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
        ] {
            let d = holiday_in(Holiday::Easter(0), year).map(|d| d.to_string());
            assert_eq!(d.as_deref(), Some(day));
        }
    }

    #[test]
    fn holidays_by_year_determiner_or_nearest_day() {
        let cases = [
            (
                "They met on Easter 2018.",
                "2019-03-01",
                "Easter 2018",
                "2018-04-01",
            ),
            (
                "It was signed last Easter.",
                "2019-03-01",
                "last Easter",
                "2018-04-01",
            ),
            (
                "Talks resume the following Easter.",
                "2019-05-01",
                "following Easter",
                "2020-04-12",
            ),
            (
                "Sales peaked on Thanksgiving 2023.",
                "2024-01-10",
                "Thanksgiving 2023",
                "2023-11-23",
            ),
            (
                "Stores opened on Black Friday 2023.",
                "2024-01-10",
                "Black Friday 2023",
                "2023-11-24",
            ),
            (
                "The deal closes before Christmas.",
                "2023-11-02",
                "Christmas",
                "2023-12-25",
            ),
            (
                "We met on New Year's Eve 2020.",
                "2021-02-01",
                "New Year's Eve 2020",
                "2020-12-31",
            ),
            (
                "A vote on Good Friday of next year.",
                "2023-06-01",
                "Good Friday of next year",
                "2024-03-29",
            ),
        ];
        for (text, published, expr, value) in cases {
            let found = timexes(text, published);
            assert!(
                found.iter().any(|(t, v)| t.ends_with(expr) && v == value),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn possessive_time_nouns_are_times_without_the_s() {
        assert_eq!(
            timexes(
                "Last year's deficit hit a record, and Monday's talks and March's data followed.",
                "1987-04-17"
            ),
            [
                ("Last year".to_string(), "1986".to_string()),
                ("Monday".to_string(), "1987-04-13".to_string()),
                ("March".to_string(), "1987-03".to_string()),
            ]
        );
        // A holiday keeps its own possessive.
        assert_eq!(
            timexes("Shops close on New Year's Day.", "1987-04-17")[0].0,
            "New Year's Day"
        );
    }

    #[test]
    fn holiday_names_in_other_names_and_seasons_are_no_days() {
        for text in [
            "They sailed to Easter Island.",
            "Retailers expect strong Christmas sales this year.",
            "The Christmas and New Year holidays cut output.",
        ] {
            let found = timexes(text, "2023-11-02");
            assert!(
                found
                    .iter()
                    .all(|(t, _)| !t.contains("Easter") && !t.contains("Christmas")),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn at_a_number_and_a_street_is_no_clock() {
        let got = timexes("met on Monday at 10 Downing Street", "2019-05-20");
        assert_eq!(got, vec![("Monday".to_string(), "2019-05-20".to_string())]);
    }

    #[test]
    fn split_scan_keeps_clock_times_apart() {
        let text = "tomorrow from 5pm to 7pm";
        assert_eq!(scan(&tokenize(text), text).len(), 1);
        assert_eq!(scan_with(&tokenize(text), text, false).len(), 3);
    }

    #[test]
    fn a_year_noun_already_taken_is_not_taken_again() {
        let got = timexes("loss in prior year 1986 year excludes", "1987-03-04");
        assert_eq!(got[0].0, "in prior year");
        assert_eq!(got[1].0, "1986");
    }

    #[test]
    fn a_year_after_accented_words_is_read_without_a_panic() {
        let got = timexes("A ação 2008 foi boa.", "2009-01-01");
        assert_eq!(got, vec![("2008".to_string(), "2008".to_string())]);
    }

    #[test]
    fn fractions_are_not_dates() {
        assert!(timexes("a 3/4 majority", "2019-05-20").is_empty());
    }

    #[test]
    fn months_without_a_year_make_one_range() {
        let got = times("from March to May the", "2016-11-07");
        assert_eq!(
            got,
            vec![(
                "from March to May".to_string(),
                "2016-03-01".to_string(),
                "2016-05-31".to_string()
            )]
        );
    }

    #[test]
    fn months_in_a_future_clause_still_make_one_range() {
        // A future clause reads a bare month as the next one; a range of two still joins.
        for (text, span, start, end) in [
            (
                "What will happen from Sep to Nov",
                "from Sep to Nov",
                "2018-09-01",
                "2018-11-30",
            ),
            (
                "It will happen in Korea Nov-Feb 2017",
                "Nov-Feb 2017",
                "2016-11-01",
                "2017-02-28",
            ),
        ] {
            let got = times(text, "2018-09-07");
            assert_eq!(got, [(span.into(), start.into(), end.into())], "{text}");
        }
    }

    #[test]
    fn a_count_in_words_is_no_year() {
        assert!(timexes("two thousand and fifteen people came", "2016-11-07").is_empty());
    }

    #[test]
    fn a_month_and_year_inside_a_code_is_no_time() {
        for text in [
            "The ssn is 123-12-1234",
            "The code of this object is 133-03-03-2020",
        ] {
            assert!(timexes(text, "2018-11-01").is_empty(), "{text}");
        }
    }

    #[test]
    fn a_month_and_year_with_a_slash_or_comma_is_that_month() {
        for text in ["plans for Dec/2018", "plans for Dec, 2018"] {
            assert_eq!(timexes(text, "2018-11-01")[0].1, "2018-12", "{text}");
        }
    }

    #[test]
    fn counts_written_in_digits_are_offsets_like_words() {
        assert_eq!(
            timexes("We will have a meeting in 2 weeks.", "2018-03-23"),
            [("in 2 weeks".to_string(), "2018-04-06".to_string())]
        );
        assert_eq!(
            timexes("Prices peaked 20 years ago.", "2007-10-20"),
            [("20 years ago".to_string(), "1987".to_string())]
        );
        assert!(timexes("exports were the highest in 10 years", "1987-03-01").is_empty());
    }

    #[test]
    fn in_years_of_the_past_is_no_date() {
        // "the highest in ten years" looks back; only a future clause makes "in N years" a day.
        assert!(timexes("exports were the highest in ten years", "1987-03-01").is_empty());
    }

    #[test]
    fn a_week_of_something_else_is_no_calendar_week() {
        assert!(timexes("in week 12 of the strike", "1987-03-01").is_empty());
    }

    #[test]
    fn more_than_bounds_only_a_counted_day() {
        let found = timexes("exports rose more than 1986 levels", "1987-03-01");
        assert!(
            found.iter().all(|(span, _)| !span.contains("more")),
            "{found:?}"
        );
    }

    #[test]
    fn words_that_look_like_times_are_not() {
        // "may" is a verb and "the fall" a drop, not a season.
        assert!(timexes("this may mean", "2016-11-07").is_empty());
        assert!(timexes("the fall in prices", "2016-11-07").is_empty());
    }

    macro_rules! time_cases {
        ($($name:ident: $text:expr, $published:expr => $span:expr, $start:expr, $end:expr;)*) => {$(
            #[test]
            fn $name() {
                let got = times($text, $published);
                assert_eq!(got, vec![($span.to_string(), $start.to_string(), $end.to_string())], "{}", $text);
            }
        )*};
    }

    time_cases! {
        year_with_in: "Exports grew in 2023.", "2024-03-01" => "in 2023", "2023-01-01", "2023-12-31";
        bare_year: "2022 was a record", "2024-03-01" => "2022", "2022-01-01", "2022-12-31";
        weekend_told_of_as_past_is_the_last_one: "bought rapeseed over the weekend, traders said", "1987-03-09" => "over the weekend", "1987-03-07", "1987-03-08";
        weekend_to_come_is_this_weeks: "business may be concluded over the weekend", "1987-04-24" => "over the weekend", "1987-04-25", "1987-04-26";
        weekend_is_its_saturday_and_sunday: "opens this weekend", "2010-01-27" => "this weekend", "2010-01-30", "2010-01-31";
        day_month_year: "signed on 5 June 2019 in Hanoi", "2024-03-01" => "5 June 2019", "2019-06-05", "2019-06-05";
        month_day_year: "on June 5, 2019, the two", "2024-03-01" => "June 5, 2019", "2019-06-05", "2019-06-05";
        abbreviated_month: "talks on Jan. 5, 2021 ended", "2024-03-01" => "Jan. 5, 2021", "2021-01-05", "2021-01-05";
        iso_date: "dated 2021-03-04 in", "2024-03-01" => "2021-03-04", "2021-03-04", "2021-03-04";
        day_range: "visited on 3-4 June 2019", "2024-03-01" => "3-4 June 2019", "2019-06-03", "2019-06-04";
        month_year: "in March 2022 trade", "2024-03-01" => "in March 2022", "2022-03-01", "2022-03-31";
        from_till: "ran from 2014 till 2018 and", "2024-03-01" => "from 2014 till 2018", "2014-01-01", "2018-12-31";
        between_hyphenated_years: "built between 2014-2018.", "2024-03-01" => "between 2014-2018", "2014-01-01", "2018-12-31";
        tilde_years: "the range is 2014~2018.", "2024-03-01" => "2014~2018", "2014-01-01", "2018-12-31";
        dates_joined_by_a_dash: "Nov 18 2014 - Dec 19 2015", "2024-03-01" => "Nov 18 2014 - Dec 19 2015", "2014-11-18", "2015-12-19";
        late_decade: "replaced in the late 1990s", "1987-03-12" => "in the late 1990s", "1997-01-01", "1999-12-31";
        late_last_year: "fell late last year", "2024-05-15" => "late last year", "2023-09-01", "2023-12-31";
        century: "trade in the 21st century grew", "2024-05-15" => "in the 21st century", "2000-01-01", "2099-12-31";
        century_not_a_placing: "He finished 21st in the race in May.", "2024-05-15" => "in May", "2024-05-01", "2024-05-31";
        year_or_later: "sales for 2012 or later.", "2024-05-15" => "for 2012 or later", "2012-01-01", "2012-12-31";
        and_after_with_more_words: "leave on 1/1/2016 and after my work is done", "2024-05-15" => "1/1/2016", "2016-01-01", "2016-01-01";
        starting_on: "a meeting starting on January 7th.", "2019-01-02" => "starting on January 7th", "2019-01-07", "2019-01-07";
        beginning_in_is_no_part: "shipments beginning in April 2019 rise", "2019-01-02" => "beginning in April 2019", "2019-04-01", "2019-04-30";
        no_later_than: "paid no later than January 1, 2010.", "2019-01-02" => "no later than January 1, 2010", "2010-01-01", "2010-01-01";
        early_next_year: "opens early next year", "2024-05-15" => "early next year", "2025-01-01", "2025-04-30";
        end_of_the_year_deadline: "done by the end of the year.", "2024-05-15" => "by the end of the year", "2024-01-01", "2024-12-31";
        the_end_of_the_year: "at the end of the year it fell", "2024-05-15" => "the end of the year", "2024-10-01", "2024-12-31";
        mid_month_named: "prices fell in mid-March", "2024-05-15" => "in mid-March", "2024-03-11", "2024-03-20";
        end_of_month_named: "at the end of March 2023 debt", "2024-05-15" => "the end of March 2023", "2023-03-21", "2023-03-31";
        late_in_the_month: "rose late in the month", "2024-05-15" => "late in the month", "2024-05-21", "2024-05-31";
        early_this_week: "said early this week", "2024-05-15" => "early this week", "2024-05-13", "2024-05-14";
        end_hyphen_year: "debt at end-1985 was", "1987-03-15" => "end-1985", "1985-10-01", "1985-12-31";
        end_space_year: "debt at end 1986 was", "1987-03-15" => "end 1986", "1986-10-01", "1986-12-31";
        until_mid_year: "rates stay until mid-1988.", "1987-03-15" => "until mid-1988", "1988-05-01", "1988-08-31";
        since_mid_year: "fallen since mid-1984.", "1987-03-15" => "since mid-1984", "1984-05-01", "1987-03-15";
        coming_month_is_this_month: "talks will be held in late March.", "1987-03-10" => "in late March", "1987-03-21", "1987-03-31";
        first_months_of_a_year: "rose 5 pct in the first nine months of 1986.", "1987-03-15" => "in the first nine months of 1986", "1986-01-01", "1986-09-30";
        last_months_of_last_year: "fell in the final three months of last year", "1987-03-15" => "in the final three months of last year", "1986-10-01", "1986-12-31";
        first_days_of_a_month: "surplus in the first 20 days of February jumped", "1987-03-02" => "in the first 20 days of February", "1987-02-01", "1987-02-20";
        last_days_of_a_month: "rose in the last 10 days of February 1987", "1987-03-02" => "in the last 10 days of February 1987", "1987-02-19", "1987-02-28";
        first_weeks_are_iso_weeks: "booked for the first 2 weeks of 2021", "2020-12-01" => "for the first 2 weeks of 2021", "2021-01-04", "2021-01-17";
        last_weeks_of_a_year: "closed the last 3 weeks of 2019", "2019-05-01" => "the last 3 weeks of 2019", "2019-12-09", "2019-12-29";
        nth_month_of_a_year: "leave the third month of 2021", "2020-05-01" => "the third month of 2021", "2021-03-01", "2021-03-31";
        two_ordinal_quarters: "recover in the third and fourth quarters of 1987.", "1987-03-02" => "in the third and fourth quarters of 1987", "1987-07-01", "1987-12-31";
        past_quarters_are_whole_quarters: "sales for the past two quarters", "2019-07-04" => "for the past two quarters", "2019-01-01", "2019-06-30";
        next_quarters_are_whole_quarters: "sales for the next 3 quarters", "2019-07-04" => "for the next 3 quarters", "2019-10-01", "2020-06-30";
        range_to_the_end_of_a_year: "ran from 2007 to the end of 2008.", "2019-07-04" => "from 2007 to the end of 2008", "2007-01-01", "2008-12-31";
        range_from_the_end_of_a_year: "between the end of 2007 and the middle of 2008", "2019-07-04" => "between the end of 2007 and the middle of 2008", "2008-01-01", "2008-07-01";
        until_a_month_is_the_coming_one: "The ban runs until the end of June.", "1987-03-15" => "until the end of June", "1987-06-21", "1987-06-30";
        by_a_month_in_a_past_clause_is_the_last: "By late February the market had recovered.", "1987-03-15" => "By late February", "1987-02-19", "1987-02-28";
        month_and_number_word_day: "Dividend is payable April one.", "1987-03-04" => "April one", "1987-04-01", "1987-04-01";
        month_and_ordinal_word_day: "it began on March first.", "1987-03-04" => "March first", "1987-03-01", "1987-03-01";
        ordinal_day_of_a_month: "on the fourth of July 1995 it", "1987-03-04" => "fourth of July 1995", "1995-07-04", "1995-07-04";
        nth_day_of_a_month: "on the twenty third day of September 1999 it", "1987-03-04" => "the twenty third day of September 1999", "1999-09-23", "1999-09-23";
        day_words_through: "off april ninth through seventeenth.", "2016-04-01" => "april ninth through seventeenth", "2016-04-09", "2016-04-17";
        ordinal_days_before_their_month: "off between the ninth and the seventeenth of April.", "2016-04-01" => "ninth and the seventeenth of April", "2016-04-09", "2016-04-17";
        day_run_takes_its_range_word: "sessions from April 29-30 in Paris", "1987-04-01" => "from April 29-30", "1987-04-29", "1987-04-30";
        count_before_upcoming: "What will happen in the 5 upcoming years?", "2018-08-30" => "5 upcoming years", "2018-08-30", "2023-08-30";
        count_before_next_days: "gone for the 3 next weeks.", "2016-11-07" => "3 next weeks", "2016-11-08", "2016-11-28";
        count_before_past: "What happened in the 5 past years?", "2018-08-30" => "5 past years", "2013-08-30", "2018-08-30";
        money_before_a_month_is_no_day: "I bought it for $12 December 27", "2016-11-07" => "December 27", "2015-12-27", "2015-12-27";
        number_word_before_units_is_no_day: "It fell in March two more times.", "1987-03-04" => "in March", "1987-03-01", "1987-03-31";
        first_before_a_hyphen_is_no_day: "Buyers rose in March first-time buyers", "1987-04-04" => "in March", "1987-03-01", "1987-03-31";
        decade_in_words: "music of the seventies", "2016-11-07" => "the seventies", "1970-01-01", "1979-12-31";
        decade_in_words_with_century: "born in the nineteen seventies", "2016-11-07" => "in the nineteen seventies", "1970-01-01", "1979-12-31";
        decade_without_century: "In the '40s it grew", "2016-11-07" => "In the '40s", "1940-01-01", "1949-12-31";
        decade_noughties: "In the noughties it grew", "2016-11-07" => "In the noughties", "2000-01-01", "2009-12-31";
        decade_spaced_s: "presidents in 1990 s.", "2016-11-07" => "in 1990 s", "1990-01-01", "1999-12-31";
        a_persons_seventies_are_no_decade: "He is in his seventies and in 1990 left.", "2016-11-07" => "in 1990", "1990-01-01", "1990-12-31";
        two_digits_are_no_decade: "prices rose to the mid 30s in 1986", "2016-11-07" => "in 1986", "1986-01-01", "1986-12-31";
        year_hyphen_month: "Is this a valid date? 2015-12", "2016-11-07" => "2015-12", "2015-12-01", "2015-12-31";
        month_hyphen_year: "Is this a valid date? 12-2015", "2016-11-07" => "12-2015", "2015-12-01", "2015-12-31";
        year_hyphen_two_digits_is_a_range: "exports in 1986-87 rose", "2016-11-07" => "in 1986-87", "1986-01-01", "1987-12-31";
        month_name_hyphen_year: "plan for Dec-2018", "2016-11-07" => "for Dec-2018", "2018-12-01", "2018-12-31";
        day_month_name_year: "The date should be 05-Aug-2016", "2016-11-07" => "05-Aug-2016", "2016-08-05", "2016-08-05";
        year_month_name_day: "How about 2019-aug-1", "2016-11-07" => "2019-aug-1", "2019-08-01", "2019-08-01";
        month_name_day_year: "back Sep-23-2020.", "2016-11-07" => "Sep-23-2020", "2020-09-23", "2020-09-23";
        year_in_words_by_hundreds: "They left in May nineteen ninety six and", "2016-11-07" => "in May nineteen ninety six", "1996-05-01", "1996-05-31";
        month_and_year_in_words: "in October two thousand and five", "2016-11-07" => "in October two thousand and five", "2005-10-01", "2005-10-31";
        day_month_and_year_in_words: "arrived 13 Sept nineteen seventy two", "2016-11-07" => "13 Sept nineteen seventy two", "1972-09-13", "1972-09-13";
        next_forty_days: "to China next forty days.", "2018-03-23" => "next forty days", "2018-03-24", "2018-05-02";
        weekday_in_the_morning: "back tuesday in the morning", "2016-11-07" => "tuesday in the morning", "2016-11-01", "2016-11-01";
        weekday_of_next_week: "talks on Tuesday of next week", "2019-08-01" => "Tuesday of next week", "2019-08-06", "2019-08-06";
        next_week_weekday: "plans for next week Wednesday?", "2018-11-28" => "for next week Wednesday", "2018-12-05", "2018-12-05";
        weekday_of_the_following_week: "it's on monday of the following week", "2018-07-30" => "monday of the following week", "2018-08-06", "2018-08-06";
        payable_day_is_the_coming_one: "a dividend payable April 14 to holders", "1987-03-02" => "April 14", "1987-04-14", "1987-04-14";
        day_of_a_deed_done_in_a_future_clause: "it will lift the duties it imposed on April 17", "1987-04-27" => "April 17", "1987-04-17", "1987-04-17";
        day_after_an_adjective_participle_in_a_future_clause: "it will raise prices of cars produced after April 30", "1987-03-02" => "after April 30", "1987-04-30", "1987-04-30";
        coming_month_after: "talks will be held in February.", "1987-03-10" => "in February", "1988-02-01", "1988-02-29";
        month_at_sentence_end: "Prices fell in July. Then", "2024-05-15" => "in July", "2023-07-01", "2023-07-31";
        early_decade: "By the early 1980s it", "1987-03-12" => "By the early 1980s", "1980-01-01", "1983-12-31";
        second_half: "in the second half of 2024", "2024-03-01" => "in the second half of 2024", "2024-07-01", "2024-12-31";
        first_quarter: "the first quarter of 2023 saw", "2024-03-01" => "the first quarter of 2023", "2023-01-01", "2023-03-31";
        q3: "sales in Q3 2022 rose", "2024-03-01" => "in Q3 2022", "2022-07-01", "2022-09-30";
        last_year: "traded 160 billion euros last year", "2023-05-10" => "last year", "2022-01-01", "2022-12-31";
        this_year: "this year it will grow", "2023-05-10" => "this year", "2023-01-01", "2023-12-31";
        year_before: "up from the year before", "2023-05-10" => "the year before", "2022-01-01", "2022-12-31";
        next_years: "over the next three years", "2021-11-05" => "over the next three years", "2021-11-05", "2024-11-05";
        decades_ago: "two decades ago the figure", "2023-05-10" => "two decades ago", "2003-01-01", "2003-12-31";
        past_years: "over the past 12 years trade", "2023-05-10" => "over the past 12 years", "2011-05-10", "2023-05-10";
        since_year: "since 2018 the two", "2023-05-10" => "since 2018", "2018-01-01", "2023-05-10";
        as_of: "as of 2016 there were", "2023-05-10" => "as of 2016", "2016-01-01", "2016-12-31";
        last_month: "last month the minister", "2023-05-10" => "last month", "2023-04-01", "2023-04-30";
        by_2030: "to €200 billion by 2030", "2023-05-10" => "by 2030", "2030-01-01", "2030-12-31";
        weekday_before: "said on Tuesday", "1987-02-26" => "Tuesday", "1987-02-24", "1987-02-24";
        weekday_in_future_clause: "The council will meet on Wednesday.", "1987-03-02" => "Wednesday", "1987-03-04", "1987-03-04";
        weekday_in_future_clause_today: "Results will be announced on Monday.", "1987-03-02" => "Monday", "1987-03-02", "1987-03-02";
        weekday_of_past_event_in_future_clause: "It will receive a grant under an agreement signed here Saturday.", "1987-03-02" => "Saturday", "1987-02-28", "1987-02-28";
        weekday_after_due_to: "Oil got a boost due to the suspension of exports after an earthquake Thursday.", "1987-03-06" => "Thursday", "1987-03-05", "1987-03-05";
        weekday_after_high_hopes: "Officials expressed high hopes at a briefing on Friday.", "1987-03-02" => "Friday", "1987-02-27", "1987-02-27";
        week_ended: "for the week ended February 22 were", "1987-02-26" => "for the week ended February 22", "1987-02-16", "1987-02-22";
        year_range: "from 2019 to 2023 exports", "2024-03-01" => "from 2019 to 2023", "2019-01-01", "2023-12-31";
        fiscal_split_year: "in 2022-23 the", "2024-03-01" => "in 2022-23", "2022-01-01", "2023-12-31";
        decade: "in the 1990s trade", "2024-03-01" => "in the 1990s", "1990-01-01", "1999-12-31";
        month_no_year: "in June the ministers", "2023-09-10" => "in June", "2023-06-01", "2023-06-30";
        month_no_year_ahead: "they will meet again in June", "2023-09-10" => "in June", "2024-06-01", "2024-06-30";
        month_day_ahead_far_in_the_clause: "Nakasone will make an official week-long visit to the United States from April 29", "1987-05-26" => "April 29", "1988-04-29", "1988-04-29";
        month_no_year_reported_future: "Nakasone said he would discuss the June Venice summit", "1987-03-26" => "June", "1987-06-01", "1987-06-30";
        month_day_past_clause: "Nakasone made an official visit to the United States on April 29", "1987-05-26" => "April 29", "1987-04-29", "1987-04-29";
        month_no_year_later_this_year: "talks will resume in December", "2026-10-07" => "in December", "2026-12-01", "2026-12-31";
        month_no_year_past_clause: "Talks will go on. They met in June", "2023-09-10" => "in June", "2023-06-01", "2023-06-30";
        mid_year: "by mid-2025 the plant", "2023-09-10" => "by mid-2025", "2025-05-01", "2025-08-31";
        earlier_this_year: "earlier this year the", "2023-09-10" => "earlier this year", "2023-01-01", "2023-09-10";
    }

    #[test]
    fn deadline_marks_by_and_until() {
        let text = "to reach €200 billion by 2030";
        let raw = scan(&tokenize(text), text);
        assert_eq!(raw.len(), 1);
        assert!(raw[0].deadline);
    }

    #[test]
    fn relative_times_need_a_publication_date() {
        let text = "last year";
        let raw = scan(&tokenize(text), text);
        assert_eq!(raw.len(), 1);
        assert_eq!(resolve(&raw[0], None), None);
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        let text = "Trade May rise but it may not.";
        assert!(scan(&tokenize(text), text).is_empty());
    }
}
