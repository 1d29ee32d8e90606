//! People across documents: a surname alone or a role without a name, left unresolved by the
//! document that used it, linked to a person another document names in full.
//!
//! Within one article `analyze::names` already links "Pavel" to "Petr Pavel"; across articles
//! the same full name gives the same id. What is left are ids like `person:reagan` (an article
//! that only says "President Reagan") and `role:CZ:president` ("the Czech president"). This
//! stage reads every stored person mention and links:
//! - a surname to the one fully named person of the corpus who bears it (among several, the
//!   one whose role's country matches; otherwise it stays unlinked);
//! - a role to the person the corpus shows holding it when the document was published: the
//!   latest holder seen in the two years up to that date, else the first seen within a year
//!   after it. Undated documents and ties stay unlinked.
//!
//! Pure function of the mentions; the links are recomputed after every ingest, so an article
//! added later can resolve the aliases of articles stored before it.

use crate::analyze::names::slug;
use crate::model::{EntityLink, LinkBasis, MentionForm, StoredMention};
use jiff::civil::Date;
use jiff::ToSpan;
use rustc_hash::{FxHashMap, FxHashSet};

/// How long before a document a holder seen in a role is still taken to hold it.
const HELD_BEFORE_YEARS: i16 = 2;
/// How long after a document a holder first seen in a role is taken to have held it already.
const HELD_AFTER_YEARS: i16 = 1;

/// A person the corpus names in full: the name and the countries of their roles.
struct Known<'m> {
    name: &'m str,
    countries: FxHashSet<&'m str>,
}

/// The links for every unresolved surname and role mention of `mentions`, one per document
/// and alias, in the order the mentions come.
pub fn link_people(mentions: &[StoredMention]) -> Vec<EntityLink> {
    let known = known_people(mentions);
    let holders = role_holders(mentions, &known);
    let mut by_surname: FxHashMap<String, Vec<&str>> = FxHashMap::default();
    for (id, person) in &known {
        if let Some(surname) = person.name.rsplit(' ').next() {
            by_surname.entry(slug(surname)).or_default().push(id);
        }
    }
    for ids in by_surname.values_mut() {
        ids.sort_unstable();
    }
    let mut seen: FxHashSet<(&str, &str)> = FxHashSet::default();
    let mut links = Vec::new();
    for m in mentions {
        if known.contains_key(m.id.as_str()) || !seen.insert((&m.doc, &m.id)) {
            continue;
        }
        let found = if let Some(surname) = m.id.strip_prefix("person:") {
            surname_holder(m, by_surname.get(surname), &known).map(|id| (id, LinkBasis::Surname))
        } else if m.id.starts_with("role:") {
            m.published
                .and_then(|date| holder_at(holders.get(m.id.as_str())?, date))
                .map(|id| (id, LinkBasis::Role))
        } else {
            None
        };
        if let Some((canonical, basis)) = found {
            links.push(EntityLink {
                doc: m.doc.clone(),
                alias: m.id.clone(),
                canonical: canonical.to_string(),
                name: known.get(canonical).map_or("", |p| p.name).to_string(),
                basis,
            });
        }
    }
    links
}

/// Everyone named in full (two words or more) somewhere, with the countries of their roles.
fn known_people(mentions: &[StoredMention]) -> FxHashMap<&str, Known<'_>> {
    let mut known: FxHashMap<&str, Known<'_>> = FxHashMap::default();
    for m in mentions {
        let Some(name) = m.name.as_deref() else {
            continue;
        };
        if m.form == MentionForm::Name && m.id.starts_with("person:") && name.contains(' ') {
            known.entry(&m.id).or_insert(Known {
                name,
                countries: FxHashSet::default(),
            });
        }
    }
    for m in mentions {
        if let (Some(person), Some(country)) = (known.get_mut(m.id.as_str()), &m.country) {
            person.countries.insert(country);
        }
    }
    known
}

/// For each role id (`role:CZ:president`), the dates on which a known person was named
/// holding that role, sorted.
fn role_holders<'m>(
    mentions: &'m [StoredMention],
    known: &FxHashMap<&str, Known<'_>>,
) -> FxHashMap<String, Vec<(Date, &'m str)>> {
    let mut holders: FxHashMap<String, Vec<(Date, &str)>> = FxHashMap::default();
    for m in mentions {
        if let (true, Some(date), Some(role), Some(country)) = (
            known.contains_key(m.id.as_str()),
            m.published,
            &m.role,
            &m.country,
        ) {
            let id = format!("role:{country}:{}", slug(role));
            holders.entry(id).or_default().push((date, &m.id));
        }
    }
    for dates in holders.values_mut() {
        dates.sort_unstable();
        dates.dedup();
    }
    holders
}

/// The one known person a surname mention can be: the only bearer of the surname, or the
/// only one among several whose role country is the mention's.
fn surname_holder<'k>(
    m: &StoredMention,
    bearers: Option<&Vec<&'k str>>,
    known: &FxHashMap<&str, Known<'_>>,
) -> Option<&'k str> {
    let bearers = bearers?;
    if let [only] = bearers.as_slice() {
        return Some(only);
    }
    let country = m.country.as_deref()?;
    let mut same_country = bearers.iter().filter(|id| {
        known
            .get(**id)
            .is_some_and(|p| p.countries.contains(country))
    });
    let first = same_country.next()?;
    same_country.next().is_none().then_some(*first)
}

/// Who held a role on `date`, from `seen` (dates a person was named in it, sorted): the
/// latest seen on or before the date (within [`HELD_BEFORE_YEARS`]), else the earliest seen
/// after it (within [`HELD_AFTER_YEARS`]). Two people seen on the same deciding day: nobody.
fn holder_at<'s>(seen: &[(Date, &'s str)], date: Date) -> Option<&'s str> {
    let from = date.checked_sub(HELD_BEFORE_YEARS.years()).ok()?;
    let until = date.checked_add(HELD_AFTER_YEARS.years()).ok()?;
    let split = seen.partition_point(|(d, _)| *d <= date);
    let deciding = match seen[..split].last() {
        Some(&(d, _)) if d >= from => d,
        _ => seen.get(split).map(|(d, _)| *d).filter(|d| *d <= until)?,
    };
    let mut on_day = seen
        .iter()
        .filter(|(d, _)| *d == deciding)
        .map(|(_, id)| *id);
    let first = on_day.next()?;
    on_day.all(|id| id == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(
        doc: &str,
        date: &str,
        id: &str,
        form: MentionForm,
        name: Option<&str>,
        role: Option<&str>,
        country: Option<&str>,
    ) -> StoredMention {
        StoredMention {
            doc: doc.into(),
            published: date.parse().ok(),
            id: id.into(),
            form,
            name: name.map(Into::into),
            role: role.map(Into::into),
            country: country.map(Into::into),
        }
    }

    fn full(doc: &str, date: &str, name: &str, role: &str, country: &str) -> StoredMention {
        mention(
            doc,
            date,
            &format!("person:{}", slug(name)),
            MentionForm::Name,
            Some(name),
            Some(role),
            Some(country),
        )
    }

    fn role_only(doc: &str, date: &str, country: &str, role: &str) -> StoredMention {
        mention(
            doc,
            date,
            &format!("role:{country}:{}", slug(role)),
            MentionForm::Role,
            None,
            Some(role),
            Some(country),
        )
    }

    /// A surname alone ("Reagan"), as a document that names nobody in full gives it.
    fn alias(
        doc: &str,
        date: &str,
        surname: &str,
        role: Option<&str>,
        country: Option<&str>,
    ) -> StoredMention {
        mention(
            doc,
            date,
            &format!("person:{}", slug(surname)),
            MentionForm::Alias,
            Some(surname),
            role,
            country,
        )
    }

    fn links(mentions: &[StoredMention]) -> Vec<(String, String, String, LinkBasis)> {
        link_people(mentions)
            .into_iter()
            .map(|l| (l.doc, l.alias, l.canonical, l.basis))
            .collect()
    }

    fn link(
        doc: &str,
        alias: &str,
        canonical: &str,
        basis: LinkBasis,
    ) -> (String, String, String, LinkBasis) {
        (doc.into(), alias.into(), canonical.into(), basis)
    }

    #[test]
    fn a_surname_alone_links_to_the_one_person_named_in_full() {
        let mentions = [
            full("a", "1987-03-01", "Ronald Reagan", "President", "US"),
            alias("b", "1987-04-01", "Reagan", Some("President"), None),
            alias("b", "1987-04-01", "Reagan", None, None),
        ];
        assert_eq!(
            links(&mentions),
            [link(
                "b",
                "person:reagan",
                "person:ronald-reagan",
                LinkBasis::Surname
            )],
            "one link per document and alias"
        );
        assert_eq!(link_people(&mentions)[0].name, "Ronald Reagan");
    }

    #[test]
    fn a_shared_surname_links_only_when_the_country_decides() {
        let mut mentions = vec![
            full("a", "2020-01-01", "John Smith", "Minister", "GB"),
            full("b", "2020-01-01", "Anna Smith", "Senator", "US"),
            alias("c", "2020-02-01", "Smith", None, None),
        ];
        assert!(
            links(&mentions).is_empty(),
            "two Smiths and nothing to choose"
        );
        mentions.push(alias(
            "d",
            "2020-02-01",
            "Smith",
            Some("Senator"),
            Some("US"),
        ));
        assert_eq!(
            links(&mentions),
            [link(
                "d",
                "person:smith",
                "person:anna-smith",
                LinkBasis::Surname
            )]
        );
    }

    #[test]
    fn a_role_links_to_whoever_held_it_when_the_document_was_published() {
        let mentions = [
            full("a", "2013-03-08", "Milos Zeman", "President", "CZ"),
            full("b", "2022-11-01", "Milos Zeman", "President", "CZ"),
            full("c", "2023-03-09", "Petr Pavel", "President", "CZ"),
            full("d", "2025-06-01", "Petr Pavel", "President", "CZ"),
            role_only("x", "2022-12-01", "CZ", "President"),
            role_only("y", "2024-01-15", "CZ", "President"),
            role_only("z", "2019-01-01", "CZ", "President"),
            role_only("w", "2030-01-01", "CZ", "President"),
            role_only("v", "2024-01-15", "CZ", "Prime Minister"),
        ];
        assert_eq!(
            links(&mentions),
            [
                link(
                    "x",
                    "role:CZ:president",
                    "person:milos-zeman",
                    LinkBasis::Role
                ),
                link(
                    "y",
                    "role:CZ:president",
                    "person:petr-pavel",
                    LinkBasis::Role
                ),
            ],
            "z falls in a gap of more than two years, w is years after the last sighting, \
             and nobody was seen as prime minister"
        );
    }

    #[test]
    fn a_role_before_anyone_was_seen_in_it_takes_the_first_holder_within_a_year() {
        let mentions = [
            role_only("x", "2023-01-10", "CZ", "President"),
            full("c", "2023-03-09", "Petr Pavel", "President", "CZ"),
            role_only("u", "", "CZ", "President"),
        ];
        assert_eq!(
            links(&mentions),
            [link(
                "x",
                "role:CZ:president",
                "person:petr-pavel",
                LinkBasis::Role
            )],
            "an undated document is not linked"
        );
    }

    #[test]
    fn two_holders_seen_on_the_same_day_leave_the_role_unlinked() {
        let mentions = [
            full("a", "2024-05-01", "Jan Novak", "Minister", "CZ"),
            full("b", "2024-05-01", "Eva Dvorak", "Minister", "CZ"),
            role_only("x", "2024-06-01", "CZ", "Minister"),
        ];
        assert!(links(&mentions).is_empty());
    }
}
