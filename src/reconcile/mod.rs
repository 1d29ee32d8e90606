//! Reconcile: turns stored claims into series — one per indicator, subjects, direction and
//! unit — and decides, period by period, whether the sources agree, conflict or revise each
//! other; which goal replaced which; which figures are repetitions; which are outliers.
//!
//! A pure function of the claims, so everything that answers (timeline, brief) reads the same
//! verdicts. Figures are compared as intervals: a stated value covers its rounding (half a
//! unit of its last significant digit, at most 5 %), "about" adds 10 %, and "more than" /
//! "less than" open the interval on one side of the stated figure. Two figures are compatible when their
//! intervals meet.

pub mod people;

use crate::model::{PeriodValues, Reading, Role, Series, StoredClaim, Verdict};

/// How far "about", "some", "roughly" reach on either side of the value.
const APPROX: f64 = 0.10;
/// The widest rounding a stated figure is taken to have, as a share of its value.
const MAX_ROUNDING: f64 = 0.05;
/// How many times larger or smaller than the rest of its series a value must be to be an
/// outlier.
const OUTLIER_FACTOR: f64 = 10.0;
/// Words that mark a figure as an estimate a later figure may revise.
const ESTIMATE_WORDS: [&str; 5] = ["preliminary", "estimate", "provisional", "flash", "initial"];

/// Reconciles `claims` into series, ordered by indicator and subjects. Readings refer to
/// claims by their index in `claims`.
pub fn reconcile(claims: &[StoredClaim]) -> Vec<Series> {
    let mut groups: Vec<(SeriesKey<'_>, Vec<usize>)> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        let key = SeriesKey::of(c);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    groups.sort_by(|(a, _), (b, _)| {
        (a.indicator, a.subjects, a.product).cmp(&(b.indicator, b.subjects, b.product))
    });
    groups
        .into_iter()
        .map(|(key, members)| series(claims, &key, &members))
        .collect()
}

/// What makes claims one series.
#[derive(Debug, PartialEq)]
struct SeriesKey<'c> {
    indicator: &'c str,
    product: Option<&'c str>,
    subjects: &'c [String],
    from: Option<&'c str>,
    to: Option<&'c str>,
    unit: Option<&'c str>,
}

impl<'c> SeriesKey<'c> {
    fn of(c: &'c StoredClaim) -> Self {
        SeriesKey {
            indicator: &c.indicator,
            product: c.product.as_deref(),
            subjects: &c.subjects,
            from: c.from.as_deref(),
            to: c.to.as_deref(),
            unit: c.unit.as_deref(),
        }
    }
}

fn series(claims: &[StoredClaim], key: &SeriesKey<'_>, members: &[usize]) -> Series {
    let (actual, goals): (Vec<usize>, Vec<usize>) = members
        .iter()
        .partition(|&&i| claims[i].modality == "actual");
    let mut periods = periods(claims, &actual);
    merge_repeated_points(claims, &mut periods);
    mark_outliers(claims, &mut periods);
    Series {
        indicator: key.indicator.to_string(),
        product: key.product.map(str::to_string),
        subjects: key.subjects.to_vec(),
        from: key.from.map(str::to_string),
        to: key.to.map(str::to_string),
        unit: key.unit.map(str::to_string),
        periods,
        goals: goal_readings(claims, &goals),
    }
}

/// The period a claim refers to: its time, else the day it was published (a present-tense
/// statement), else unknown (empty).
fn period_of(c: &StoredClaim) -> (String, String) {
    match (&c.time_start, &c.time_end, &c.published) {
        (Some(s), Some(e), _) => (s.clone(), e.clone()),
        (_, _, Some(p)) => (p.clone(), p.clone()),
        _ => (String::new(), String::new()),
    }
}

/// Publication order: date, then document, then position in the document.
fn publication_order(claims: &[StoredClaim], ids: &mut [usize]) {
    ids.sort_by(|&a, &b| {
        let (a, b) = (&claims[a], &claims[b]);
        (&a.published, &a.doc, a.span).cmp(&(&b.published, &b.doc, b.span))
    });
}

fn periods(claims: &[StoredClaim], actual: &[usize]) -> Vec<PeriodValues> {
    let mut by_period: Vec<((String, String), Vec<usize>)> = Vec::new();
    for &i in actual {
        let p = period_of(&claims[i]);
        match by_period.iter_mut().find(|(k, _)| *k == p) {
            Some((_, ids)) => ids.push(i),
            None => by_period.push((p, vec![i])),
        }
    }
    by_period.sort_by(|(a, _), (b, _)| a.cmp(b));
    by_period
        .into_iter()
        .map(|((start, end), mut ids)| {
            publication_order(claims, &mut ids);
            judge_period(claims, start, end, &ids)
        })
        .collect()
}

/// Compares each claim about a period with the figure taken so far: the same figure again
/// repeats it, a compatible one agrees, an incompatible one revises an estimate or conflicts.
fn judge_period(claims: &[StoredClaim], start: String, end: String, ids: &[usize]) -> PeriodValues {
    let mut readings: Vec<Reading> = Vec::with_capacity(ids.len());
    let mut value = ids[0];
    readings.push(reading(value, Role::Value, None));
    for &c in &ids[1..] {
        let same = readings
            .iter()
            .find(|r| same_figure(&claims[r.claim], &claims[c]))
            .map(|r| r.claim);
        if let Some(first) = same {
            readings.push(reading(c, Role::Repeats, Some(first)));
        } else if compatible(&claims[value], &claims[c]) {
            readings.push(reading(c, Role::Agrees, Some(value)));
        } else if is_estimate(&claims[value], &end) {
            set_role(&mut readings, value, Role::Superseded, Some(c));
            readings.push(reading(c, Role::Value, None));
            value = c;
        } else {
            set_role(&mut readings, value, Role::Conflicts, Some(c));
            readings.push(reading(c, Role::Conflicts, Some(value)));
            value = c;
        }
    }
    PeriodValues {
        start,
        end,
        verdict: verdict(&readings),
        value,
        readings,
    }
}

fn reading(claim: usize, role: Role, other: Option<usize>) -> Reading {
    Reading { claim, role, other }
}

fn set_role(readings: &mut [Reading], claim: usize, role: Role, other: Option<usize>) {
    if let Some(r) = readings.iter_mut().find(|r| r.claim == claim) {
        r.role = role;
        r.other = other;
    }
}

fn verdict(readings: &[Reading]) -> Verdict {
    let has = |role: Role| readings.iter().any(|r| r.role == role);
    if has(Role::Conflicts) {
        Verdict::Conflict
    } else if has(Role::Superseded) {
        Verdict::Revised
    } else if has(Role::Agrees) {
        Verdict::Agreed
    } else {
        Verdict::Single
    }
}

/// A figure a later one may revise: called preliminary or an estimate, or published before
/// the period it describes was over.
fn is_estimate(c: &StoredClaim, period_end: &str) -> bool {
    let quote = c.quote.to_lowercase();
    ESTIMATE_WORDS.iter().any(|w| quote.contains(w))
        || c.published.as_deref().is_some_and(|p| p < period_end)
}

/// "More than 4,000 companies" in 2022 and again in 2023: a point-in-time figure that a later
/// article states unchanged is a repetition of the earlier one, not a new data point.
fn merge_repeated_points(claims: &[StoredClaim], periods: &mut Vec<PeriodValues>) {
    let mut k = 1;
    while k < periods.len() {
        let (before, after) = periods.split_at_mut(k);
        let (prev, cur) = (&mut before[k - 1], &after[0]);
        let points = prev.start == prev.end && cur.start == cur.end;
        let all_same = cur
            .readings
            .iter()
            .all(|r| same_figure(&claims[r.claim], &claims[prev.value]));
        if points && all_same {
            let repeated = prev.value;
            prev.readings.extend(
                cur.readings
                    .iter()
                    .map(|r| reading(r.claim, Role::Repeats, Some(repeated))),
            );
            periods.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Marks as outliers the period values at least ten times larger or smaller than the median
/// of the series' other periods of the same kind — figures for a day (stocks: "investment
/// stands at €45 billion") are not compared with figures for a year (flows) — and three
/// periods at least: two cannot say which is off.
fn mark_outliers(claims: &[StoredClaim], periods: &mut [PeriodValues]) {
    for points in [true, false] {
        let same_kind: Vec<usize> = (0..periods.len())
            .filter(|&k| (periods[k].start == periods[k].end) == points)
            .collect();
        if same_kind.len() < 3 {
            continue;
        }
        let values: Vec<f64> = same_kind
            .iter()
            .map(|&k| claims[periods[k].value].amount)
            .collect();
        for (n, &k) in same_kind.iter().enumerate() {
            let mut others: Vec<f64> = values
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != n)
                .map(|(_, &v)| v)
                .collect();
            let Some(median) = median(&mut others) else {
                continue;
            };
            let v = values[n];
            if median > 0.0 && (v >= median * OUTLIER_FACTOR || v * OUTLIER_FACTOR <= median) {
                let value = periods[k].value;
                set_role(&mut periods[k].readings, value, Role::Outlier, None);
            }
        }
    }
}

fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// Goals in the order they were stated. Targets form one chain: a later target with another
/// figure replaces the current one ("raised from $5 billion to $8 billion"), the same figure
/// again repeats it. Forecasts replace earlier forecasts for the same period. Plans stand
/// side by side, but a plan reported again (the same figure, no other deadline) repeats the
/// first report.
fn goal_readings(claims: &[StoredClaim], goals: &[usize]) -> Vec<Reading> {
    // Publication order; within one article, "from X" is the old figure and comes first
    // whatever the wording.
    let mut ids = goals.to_vec();
    ids.sort_by(|&a, &b| goal_order(&claims[a]).cmp(&goal_order(&claims[b])));
    let mut readings: Vec<Reading> = Vec::with_capacity(ids.len());
    for &i in &ids {
        let c = &claims[i];
        let chain = readings
            .iter()
            .rev()
            .find(|r| r.role == Role::Value && same_chain(&claims[r.claim], c))
            .map(|r| r.claim);
        let reported = || {
            readings
                .iter()
                .find(|r| r.role == Role::Value && same_plan(&claims[r.claim], c))
                .map(|r| r.claim)
        };
        match chain {
            None => match reported() {
                Some(first) => readings.push(reading(i, Role::Repeats, Some(first))),
                None => readings.push(reading(i, Role::Value, None)),
            },
            Some(current) if compatible(&claims[current], c) => {
                readings.push(reading(i, Role::Repeats, Some(current)));
            }
            Some(current) => {
                set_role(&mut readings, current, Role::Superseded, Some(i));
                readings.push(reading(i, Role::Value, None));
            }
        }
    }
    readings
}

/// A goal's place in the chain: publication date, document, the old figure of a sentence first,
/// then position.
fn goal_order(c: &StoredClaim) -> (Option<&str>, &str, bool, [usize; 2]) {
    (c.published.as_deref(), &c.doc, !is_old_figure(c), c.span)
}

/// Whether a goal's figure is the one being replaced in its own sentence ("from $5 billion").
fn is_old_figure(c: &StoredClaim) -> bool {
    c.quote.contains(&format!("from {}", c.value_text))
}

/// Whether a goal can replace another: targets replace targets, forecasts replace forecasts
/// of the same period, plans replace nothing.
fn same_chain(old: &StoredClaim, new: &StoredClaim) -> bool {
    old.modality == new.modality
        && match new.modality.as_str() {
            "target" => true,
            "forecast" => period_of(old) == period_of(new),
            _ => false,
        }
}

/// Whether `new` reports the plan `old` again: both plans, the same figure within rounding
/// whatever its bound ("up to $300 million", "about $300 million"), and deadlines that do
/// not differ (either may be unstated).
fn same_plan(old: &StoredClaim, new: &StoredClaim) -> bool {
    let (old_lo, old_hi) = interval(old.amount, "exact");
    let (new_lo, new_hi) = interval(new.amount, "exact");
    old.modality == "plan"
        && new.modality == "plan"
        && old_lo <= new_hi
        && new_lo <= old_hi
        && match (old.deadline(), new.deadline()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
}

/// The same figure stated the same way.
fn same_figure(a: &StoredClaim, b: &StoredClaim) -> bool {
    a.bound == b.bound && (a.amount - b.amount).abs() <= 1e-9 * a.amount.abs().max(1.0)
}

/// Whether two figures can both be true.
fn compatible(a: &StoredClaim, b: &StoredClaim) -> bool {
    let (a_lo, a_hi) = interval(a.amount, &a.bound);
    let (b_lo, b_hi) = interval(b.amount, &b.bound);
    a_lo <= b_hi && b_lo <= a_hi
}

/// The values a stated figure covers, given its bound: a bound ("more than", "below") is
/// taken as stated, a figure as its rounding.
fn interval(amount: f64, bound: &str) -> (f64, f64) {
    let r = rounding(amount);
    match bound {
        "lower" => (amount, f64::INFINITY),
        "upper" => (f64::NEG_INFINITY, amount),
        "approx" => {
            let spread = amount.abs() * APPROX + r;
            (amount - spread, amount + spread)
        }
        _ => (amount - r, amount + r),
    }
}

/// Half a unit of the figure's last significant digit ("121.3 billion" → 0.05 billion,
/// "4,000" → 500), at most 5 % of it.
fn rounding(amount: f64) -> f64 {
    let a = amount.abs();
    if a == 0.0 {
        return 0.0;
    }
    let is_whole = |q: f64| (q - q.round()).abs() < 1e-6 * q.max(1.0);
    let mut unit = 10f64.powi(a.log10().floor() as i32);
    while unit > a * 1e-4 && !is_whole(a / unit) {
        unit /= 10.0;
    }
    (unit / 2.0).min(a * MAX_ROUNDING)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A trade-volume claim about CZ–DE in EUR for a year ("2023"), a day, or no time.
    pub(crate) fn claim(
        doc: &str,
        published: &str,
        period: Option<&str>,
        amount: f64,
        bound: &str,
    ) -> StoredClaim {
        let (start, end) = match period {
            Some(y) if y.len() == 4 => (Some(format!("{y}-01-01")), Some(format!("{y}-12-31"))),
            Some(d) => (Some(d.to_string()), Some(d.to_string())),
            None => (None, None),
        };
        StoredClaim {
            doc: doc.into(),
            published: Some(published.into()),
            indicator: "trade_volume".into(),
            product: None,
            subjects: vec!["CZ".into(), "DE".into()],
            from: None,
            to: None,
            amount,
            unit: Some("EUR".into()),
            bound: bound.into(),
            concept: None,
            value_text: format!("€{} billion", amount / 1e9),
            time_start: start,
            time_end: end,
            time_text: period.map(str::to_string),
            modality: "actual".into(),
            quote: format!("Trade reached €{} billion.", amount / 1e9),
            span: [0, 10],
            sentence: [0, 30],
        }
    }

    fn goal(doc: &str, published: &str, amount: f64, quote: &str) -> StoredClaim {
        StoredClaim {
            modality: "target".into(),
            quote: quote.into(),
            ..claim(doc, published, Some("2030"), amount, "exact")
        }
    }

    fn roles(s: &Series) -> Vec<Vec<(usize, Role, Option<usize>)>> {
        s.periods
            .iter()
            .map(|p| {
                p.readings
                    .iter()
                    .map(|r| (r.claim, r.role, r.other))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn rounding_follows_the_last_significant_digit() {
        assert!((rounding(121.3e9) - 0.05e9).abs() < 1.0);
        assert!((rounding(4000.0) - 200.0).abs() < 1e-9, "capped at 5 %");
        assert!((rounding(63.25e9) - 0.005e9).abs() < 1.0);
        assert!((rounding(3.0e9) - 0.15e9).abs() < 1.0, "capped at 5 %");
    }

    #[test]
    fn bounds_that_cannot_both_hold_conflict() {
        let claims = [
            claim("a", "2024-02-20", Some("2023"), 72.5e9, "lower"),
            claim("b", "2024-03-10", Some("2023"), 70e9, "upper"),
        ];
        let s = &reconcile(&claims)[0];
        assert_eq!(s.periods[0].verdict, Verdict::Conflict);
        assert_eq!(
            roles(s),
            [[(0, Role::Conflicts, Some(1)), (1, Role::Conflicts, Some(0))]]
        );
    }

    #[test]
    fn an_approximate_figure_agrees_with_a_close_exact_one() {
        let claims = [
            claim("a", "2024-02-01", Some("2023"), 4.1e9, "exact"),
            claim("b", "2025-01-10", Some("2023"), 3.9e9, "approx"),
        ];
        let s = &reconcile(&claims)[0];
        assert_eq!(s.periods[0].verdict, Verdict::Agreed);
        assert_eq!(
            roles(s),
            [[(0, Role::Value, None), (1, Role::Agrees, Some(0))]]
        );
        // Two exact figures 5 % apart do not.
        let claims = [
            claim("a", "2024-02-01", Some("2023"), 4.1e9, "exact"),
            claim("b", "2025-01-10", Some("2023"), 3.9e9, "exact"),
        ];
        assert_eq!(reconcile(&claims)[0].periods[0].verdict, Verdict::Conflict);
    }

    #[test]
    fn a_preliminary_figure_is_revised_by_a_later_one() {
        let mut early = claim("a", "2024-01-15", Some("2023"), 118e9, "exact");
        early.quote = "Preliminary data put trade at €118 billion.".into();
        let claims = [
            early,
            claim("b", "2024-06-01", Some("2023"), 121.3e9, "exact"),
        ];
        let s = &reconcile(&claims)[0];
        assert_eq!(s.periods[0].verdict, Verdict::Revised);
        assert_eq!(s.periods[0].value, 1);
        assert_eq!(
            roles(s),
            [[(0, Role::Superseded, Some(1)), (1, Role::Value, None)]]
        );
    }

    #[test]
    fn the_same_figure_later_repeats_and_a_current_figure_is_not_a_new_period() {
        let claims = [
            claim("a", "2022-05-01", Some("2021"), 63.2e9, "exact"),
            claim("b", "2023-04-02", Some("2021"), 63.2e9, "exact"),
            claim("c", "2022-05-01", None, 4000.0, "lower"),
            claim("d", "2023-04-02", None, 4000.0, "lower"),
        ];
        let series = reconcile(&claims);
        let s = &series[0];
        assert_eq!(
            s.periods.len(),
            2,
            "the 2023 'more than 4,000' joins 2022's"
        );
        assert_eq!(s.periods[0].readings[1].role, Role::Repeats);
        assert_eq!(
            roles(s)[1],
            [(2, Role::Value, None), (3, Role::Repeats, Some(2))]
        );
        assert_eq!(s.periods[1].verdict, Verdict::Single);
    }

    #[test]
    fn a_value_orders_of_magnitude_off_is_flagged_not_dropped() {
        let claims = [
            claim("a", "2022-05-01", Some("2021"), 105.4e9, "exact"),
            claim("b", "2023-05-01", Some("2022"), 1213e9, "exact"),
            claim("c", "2024-05-01", Some("2023"), 121.3e9, "exact"),
            claim("d", "2025-05-01", Some("2024"), 120e9, "approx"),
        ];
        let s = &reconcile(&claims)[0];
        let outliers: Vec<usize> = s
            .periods
            .iter()
            .flat_map(|p| &p.readings)
            .filter(|r| r.role == Role::Outlier)
            .map(|r| r.claim)
            .collect();
        assert_eq!(outliers, [1]);
        assert_eq!(s.periods.len(), 4);
    }

    #[test]
    fn stocks_are_not_compared_with_flows() {
        let claims = [
            claim("a", "2023-04-02", Some("2022"), 1.1e9, "exact"),
            claim("b", "2025-06-12", Some("2024"), 1.4e9, "exact"),
            claim("c", "2024-02-20", None, 45e9, "approx"),
            claim("d", "2025-06-12", Some("2023"), 1.2e9, "exact"),
        ];
        let s = &reconcile(&claims)[0];
        assert!(s
            .periods
            .iter()
            .flat_map(|p| &p.readings)
            .all(|r| r.role != Role::Outlier));
    }

    #[test]
    fn a_raised_target_supersedes_the_old_one_and_confirmations_repeat() {
        let claims = [
            goal(
                "a",
                "2023-04-02",
                150e9,
                "They aim to lift trade to €150 billion by 2030.",
            ),
            // Written "to Y from X": X is still the old figure.
            goal(
                "b",
                "2024-02-20",
                180e9,
                "They raised the goal to €180 billion from €150 billion.",
            ),
            goal(
                "b",
                "2024-02-20",
                150e9,
                "They raised the goal to €180 billion from €150 billion.",
            ),
            goal(
                "c",
                "2025-06-12",
                180e9,
                "Both confirmed the target of €180 billion.",
            ),
        ];
        let s = &reconcile(&claims)[0];
        let goals: Vec<(usize, Role, Option<usize>)> =
            s.goals.iter().map(|r| (r.claim, r.role, r.other)).collect();
        // The old figure in b's sentence repeats a's target, which b's new figure replaces.
        assert_eq!(
            goals,
            [
                (0, Role::Superseded, Some(1)),
                (2, Role::Repeats, Some(0)),
                (1, Role::Value, None),
                (3, Role::Repeats, Some(1)),
            ]
        );
    }

    #[test]
    fn a_plan_reported_again_repeats_and_other_plans_stand_apart() {
        let plan = |doc: &str, published: &str, period: Option<&str>, amount: f64| StoredClaim {
            modality: "plan".into(),
            ..claim(doc, published, period, amount, "exact")
        };
        let claims = [
            plan("a", "1987-03-27", Some("1987"), 300e6),
            plan("b", "1987-03-28", None, 300e6),
            plan("c", "1987-03-29", Some("1987"), 500e6),
            plan("d", "1987-03-30", Some("1988"), 300e6),
            // A past day is when the plan was stated, not its deadline.
            plan("e", "1987-04-01", Some("1987-03-27"), 300e6),
            // "Up to $30 million" is another figure, though both bounds could hold.
            StoredClaim {
                bound: "upper".into(),
                ..plan("f", "1987-04-02", None, 30e6)
            },
        ];
        let s = &reconcile(&claims)[0];
        let goals: Vec<(usize, Role, Option<usize>)> =
            s.goals.iter().map(|r| (r.claim, r.role, r.other)).collect();
        assert_eq!(
            goals,
            [
                (0, Role::Value, None),
                (1, Role::Repeats, Some(0)),
                (2, Role::Value, None),
                (3, Role::Value, None),
                (4, Role::Repeats, Some(0)),
                (5, Role::Value, None),
            ]
        );
    }

    #[test]
    fn series_keep_units_and_directions_apart() {
        let mut gas = claim("a", "2023-04-02", Some("2022"), 2.1e9, "exact");
        gas.unit = Some("m3".into());
        let mut exports = claim("a", "2023-04-02", Some("2022"), 70.1e9, "exact");
        exports.from = Some("CZ".into());
        // Trade in one good is not the total: no conflict between 117 and 1.2 billion.
        let mut cars = claim("b", "2023-04-02", Some("2022"), 1.2e9, "exact");
        cars.product = Some("car".into());
        let claims = [
            claim("a", "2023-04-02", Some("2022"), 117e9, "lower"),
            gas,
            exports,
            cars,
        ];
        let series = reconcile(&claims);
        assert_eq!(series.len(), 4);
        assert_eq!(
            series
                .iter()
                .filter(|s| s.product.as_deref() == Some("car"))
                .count(),
            1
        );
        assert!(series.iter().all(|s| s.periods.len() == 1));
    }
}
