# English interface strings. Every key here must also be in ar.ftl with the
# same $variables (tests/i18n.rs checks). Numbers passed as variables are
# written in the interface's digits; plural forms follow CLDR.

## Lists

list-separator = {", "}
list-group-separator = {"; "}

## Dates

date-before = before { $date }
date-range = { $from } – { $to }
date-since = since { $date }
date-since-between = since a day between { $from } and { $to }
date-on = on { $date }
date-on-between = on a day between { $from } and { $to }
date-when-between = On a day between { $from } and { $to }

## Place names

names-interface = Interface language
names-en = English
names-az = Azerbaijani
names-ar = Arabic
names-hy = Armenian-side names

## Map legend

legend-controlled-by = Controlled by { $name }
legend-handover-agreed = Handover agreed, not yet carried out (stripes: to whom)
legend-changing-undated = Changing hands on a day the sources do not give
legend-boundary-of = Boundary of { $name }
legend-neighbouring-areas = Neighbouring areas (context)
legend-neighbouring-countries = Neighbouring countries (context)

## Figures

fig-key = Key
fig-km = { $km } km
fig-attribution = Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
fig-title = { $title } — { $date }: { $step }
fig-description = The map on { $date } ({ $iso }). { $step }.
fig-step = Step { $n } of { $total }: { $title }
fig-step-dated = Step { $n } of { $total }: { $title } (dated { $date })
fig-latest-step = Latest step before this date: { $n } of { $total }, { $title } ({ $date })
fig-before-first = Before the first step of the timeline
fig-source-item = “{ $label }” ({ $id }, file { $file }): { $citations }
fig-sources = Sources for step { $n } of { $total }: { $list }.
fig-no-sources = Step { $n } of { $total } cites no sources.

## Time panel

time-first = First step
time-previous = Previous step
time-play = Play
time-pause = Pause
time-next = Next step
time-last = Last step
time-step-of = step { $n } of { $total }
