//! `places.toml`: ids, kinds, names and centres.

use std::collections::BTreeSet;

use super::loader::{FileCtx, Loader};
use crate::model::diag::Msg;
use crate::model::raw::RawPlacesFile;
use crate::model::types::{LatLon, Localized, Place, PlaceKind};

pub(super) fn check_places(
    l: &mut Loader<'_>,
    (ctx, raw): &(FileCtx, RawPlacesFile),
) -> (String, Vec<Place>) {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for p in &raw.place {
        l.id(ctx, &p.id, &mut seen, "diag-kind-place");
        let kind = match p.kind.get_ref().as_str() {
            "district" => PlaceKind::District,
            "region" => PlaceKind::Region,
            "town" => PlaceKind::Town,
            other => {
                l.push(
                    ctx.at(&p.kind, Msg::new("diag-place-kind").text("kind", other))
                        .help(Msg::new("diag-place-kind-help")),
                );
                PlaceKind::Town
            }
        };
        let what = Msg::new("diag-what-place").text("id", p.id.get_ref());
        let names = l.localized(ctx, what, &p.names);
        let centre = p.centre.as_ref().and_then(|c| {
            let ll = c.get_ref();
            if (-90.0..=90.0).contains(&ll.lat) && (-180.0..=180.0).contains(&ll.lon) {
                Some(LatLon {
                    lat: ll.lat,
                    lon: ll.lon,
                })
            } else {
                l.push(
                    ctx.at(
                        c,
                        Msg::new("diag-centre-range")
                            .num("lat", ll.lat)
                            .num("lon", ll.lon),
                    )
                    .help(Msg::new("diag-centre-range-help")),
                );
                None
            }
        });
        if kind == PlaceKind::Town && centre.is_none() && p.centre.is_none() {
            l.push(
                ctx.at(
                    &p.id,
                    Msg::new("diag-town-no-centre").text("id", p.id.get_ref()),
                )
                .help(Msg::new("diag-town-no-centre-help")),
            );
        }
        out.push(Place {
            id: p.id.get_ref().clone(),
            kind,
            names,
            aliases: p
                .aliases
                .iter()
                .map(|(lang, v)| {
                    (
                        lang.clone(),
                        v.iter().map(|s| s.get_ref().clone()).collect(),
                    )
                })
                .collect(),
            centre,
            note: Localized(p.note.clone()),
            legend: Localized(p.legend.clone()),
        });
    }
    (ctx.label.clone(), out)
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{only, with};

    /// A second place after the first (its `[[place]]` on line 7).
    const SECOND: &str = "\n[[place]]\nid = \"area-0\"\nkind = \"town\"\nnames = { en = \"Town\" }\ncentre = { lat = 35.1, lon = 40.1 }\n";

    #[test]
    fn a_place_with_a_duplicate_id_is_reported_at_the_second() {
        let f = with(
            "places.toml",
            "centre = { lat = 35.1, lon = 40.1 }\n",
            &format!("centre = {{ lat = 35.1, lon = 40.1 }}\n{SECOND}"),
        );
        let d = only(&f, "diag-id-twice", "places.toml", Some(8));
        assert_eq!(d.message.to_string(), "place id 'area-0' is used twice");
    }

    #[test]
    fn an_unknown_kind_is_named() {
        let f = with("places.toml", "kind = \"district\"", "kind = \"county\"");
        let d = only(&f, "diag-place-kind", "places.toml", Some(3));
        assert_eq!(d.message.to_string(), "unknown place kind 'county'");
    }

    #[test]
    fn a_centre_off_the_globe_is_refused() {
        let f = with("places.toml", "lat = 35.1", "lat = 95.5");
        let d = only(&f, "diag-centre-range", "places.toml", Some(5));
        assert_eq!(
            d.message.to_string(),
            "centre lat 95.5 lon 40.1 is out of range"
        );
    }
}
