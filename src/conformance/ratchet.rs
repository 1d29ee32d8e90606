//! The ratchet: pass rates recorded in the repository that a conformance run may not fall
//! below. Raising a rate is a deliberate edit (or `--raise`); nothing lowers one.

use super::meantime;
use super::specs::FileScore;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Recorded minimum rates, in percent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ratchet {
    /// Per spec file (path under the specs folder): minimum resolution pass rate.
    pub specs: BTreeMap<String, f64>,
    /// MEANTIME minima.
    #[serde(default)]
    pub meantime: BTreeMap<String, f64>,
}

/// A run's figures in the ratchet's terms.
pub fn figures(
    scores: &[FileScore],
    meantime: Option<&meantime::Score>,
) -> (BTreeMap<String, f64>, BTreeMap<String, f64>) {
    let specs = scores
        .iter()
        .map(|s| (s.file.clone(), round(s.all.resolution_rate())))
        .collect();
    let time = meantime
        .map(|m| {
            [
                ("strict_f1", m.strict_f1()),
                ("relaxed_f1", m.relaxed_f1()),
                ("value_accuracy", m.value_accuracy()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), round(100.0 * v)))
            .collect()
        })
        .unwrap_or_default();
    (specs, time)
}

/// Rates are kept to one decimal, rounded down, so a run always meets what it recorded.
fn round(rate: f64) -> f64 {
    (rate * 10.0 + 1e-9).floor() / 10.0
}

impl Ratchet {
    /// Every recorded rate the run falls below, as "name: now X, recorded Y".
    pub fn regressions(
        &self,
        scores: &[FileScore],
        meantime: Option<&meantime::Score>,
    ) -> Vec<String> {
        let (specs, time) = figures(scores, meantime);
        let mut out = Vec::new();
        for (recorded, now, what) in [
            (&self.specs, &specs, ""),
            (&self.meantime, &time, "MEANTIME "),
        ] {
            for (name, &min) in recorded {
                match now.get(name) {
                    Some(&rate) if rate + 1e-9 >= min => {}
                    Some(&rate) => {
                        out.push(format!("{what}{name}: now {rate:.1}, recorded {min:.1}"))
                    }
                    None => out.push(format!("{what}{name}: not measured, recorded {min:.1}")),
                }
            }
        }
        out
    }

    /// The ratchet raised to this run's rates where they are higher (never lowered).
    pub fn raised(&self, scores: &[FileScore], meantime: Option<&meantime::Score>) -> Ratchet {
        let (specs, time) = figures(scores, meantime);
        let raise = |old: &BTreeMap<String, f64>, new: BTreeMap<String, f64>| {
            let mut out = old.clone();
            for (k, v) in new {
                let e = out.entry(k).or_insert(v);
                *e = e.max(v);
            }
            out
        };
        Ratchet {
            specs: raise(&self.specs, specs),
            meantime: raise(&self.meantime, time),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::specs::{Counts, Model};

    fn score(file: &str, resolution: usize) -> FileScore {
        let counts = Counts {
            cases: 10,
            extraction: 10,
            resolution,
        };
        FileScore {
            file: file.into(),
            model: Model::Number,
            all: counts,
            dotnet: counts,
            flagged_dotnet: 0,
            failures: Vec::new(),
        }
    }

    #[test]
    fn a_drop_below_the_record_is_reported_and_a_rise_is_not() {
        let mut r = Ratchet::default();
        r.specs.insert("a.json".into(), 70.0);
        assert!(r.regressions(&[score("a.json", 7)], None).is_empty());
        assert!(r.regressions(&[score("a.json", 8)], None).is_empty());
        let regressions = r.regressions(&[score("a.json", 6)], None);
        assert_eq!(regressions, ["a.json: now 60.0, recorded 70.0"]);
        assert_eq!(
            r.regressions(&[], None).len(),
            1,
            "a missing file is a regression"
        );
    }

    #[test]
    fn raising_keeps_the_higher_rate() {
        let mut r = Ratchet::default();
        r.specs.insert("a.json".into(), 70.0);
        let up = r.raised(&[score("a.json", 9), score("b.json", 5)], None);
        assert_eq!(up.specs.get("a.json"), Some(&90.0));
        assert_eq!(up.specs.get("b.json"), Some(&50.0));
        let kept = up.raised(&[score("a.json", 1)], None);
        assert_eq!(kept.specs.get("a.json"), Some(&90.0));
    }
}
