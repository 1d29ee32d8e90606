//! Places: cities and regions from the embedded GeoNames gazetteer (`data/places.tsv`), each
//! with its country, so "a plant in Gdańsk" gives PL.
//!
//! This module only answers "which places bear this name"; deciding whether a capitalised
//! word is a place at all (it needs context such as "in" or ", Poland") is done by `names`,
//! which sees the sentence. Among places of the same name, one in a country the article
//! mentions wins, else the most populous.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A city or region of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// `geo:` and the GeoNames id (cities) or `geo:CC-Name` (regions).
    pub id: &'static str,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: &'static str,
    /// Population (0 for regions, which the source does not count).
    pub population: u64,
    /// True for a first-level region (state, province, voivodeship).
    pub region: bool,
}

/// Every name of the gazetteer with the places bearing it, most populous first.
static PLACES: LazyLock<FxHashMap<&'static str, Vec<Place>>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, Vec<Place>> = FxHashMap::default();
    for line in include_str!("../../data/places.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(id), Some(country), Some(kind), Some(pop), Some(name)) =
            (f.next(), f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let place = Place {
            id,
            country,
            population: pop.parse().unwrap_or(0),
            region: kind == "region",
        };
        let entry = map.entry(name).or_default();
        if !entry.iter().any(|p| p.id == id) {
            entry.push(place);
        }
    }
    for places in map.values_mut() {
        // Regions first: "Bavaria" the state, not a village named after it.
        places.sort_by_key(|p| (!p.region, std::cmp::Reverse(p.population)));
    }
    map
});

/// The places named `name` exactly, regions first, then by population.
pub fn named(name: &str) -> &'static [Place] {
    PLACES.get(name).map_or(&[], Vec::as_slice)
}

/// The place `name` most likely means in an article that mentions `countries`: one in a
/// mentioned country if any, else the first (a region, or the most populous city).
pub fn resolve(name: &str, countries: &[&str]) -> Option<Place> {
    let places = named(name);
    places
        .iter()
        .find(|p| countries.contains(&p.country))
        .or_else(|| places.first())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_carry_their_country_with_and_without_diacritics() {
        for name in ["Gdańsk", "Gdansk"] {
            let p = resolve(name, &[]).expect("Gdańsk is in the gazetteer");
            assert_eq!((p.id, p.country), ("geo:3099434", "PL"));
        }
    }

    #[test]
    fn a_mentioned_country_picks_among_places_of_one_name() {
        assert_eq!(resolve("Paris", &[]).map(|p| p.country), Some("FR"));
        assert_eq!(resolve("Paris", &["US"]).map(|p| p.country), Some("US"));
    }

    #[test]
    fn regions_are_found_by_their_short_name() {
        let p = resolve("Bavaria", &[]).expect("Bavaria is a region");
        assert!(p.region);
        assert_eq!(p.country, "DE");
        assert_eq!(resolve("Masovian", &[]).map(|p| p.country), Some("PL"));
        assert!(named("Qwertyville").is_empty());
    }
}
