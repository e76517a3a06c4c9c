# English interface strings. Every key here must also be in ar.ftl with the
# same $variables (tests/i18n.rs checks). Numbers passed as variables are
# written in the interface's digits; plural forms follow CLDR, selected with
# PLURAL($n) (see plural_category in src/i18n/catalogue.rs).

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
# A naming scheme the dataset names no label for: its language tag.
names-tag = Names: { $tag }

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
time-speed = Speed
time-speed-hover = Playback speed
time-speed-value = { $speed }×
time-loop = Loop
time-loop-hover = Start over after the last step
time-linear = Linear time
time-linear-hover = Show quiet periods at their true length
time-chart = Chart
time-chart-hover = Show the area each side held over time
time-compare = Compare
time-compare-hover = Outline what changed between an earlier date and the current one
time-date-axis = Date
time-gap-months = { PLURAL($months) ->
    [one] ~1 month
   *[other] ~{ $months } months
}
time-tick = Step { $n }: { $title }

## Comparing two dates

compare-from = Compare from
compare-from-step = Compare from step
compare-step-date = step { $n } · { $date }
compare-step-item = step { $n } · { $date } · { $title }
compare-or-date = or date
compare-date-hint = write a date from { $from } to { $to } as YYYY-MM-DD
compare-to-current = to { $date } (the current date)

## Deadlines

countdown-left = { PLURAL($days) ->
    [one] 1 day left
   *[other] { $days } days left
}
countdown-today = due today
countdown-passed = { PLURAL($days) ->
    [one] passed 1 day ago
   *[other] passed { $days } days ago
}

## A place's state

state-controlled-by = Controlled by { $who } { $since }
state-changed-at = Changed at step { $n }: { $title }
state-changing = Changing to { $who } { $when }; the sources do not give the day.
state-handover-agreed = Handover to { $who } agreed, not yet carried out.
state-deadline = Deadline { $date } ({ $countdown }), according to { $who }
state-deadline-disputed = The sources disagree on this deadline.
state-area = Area: { $km } km²
state-area-outside = Area: { $km } km² outside the former oblast's 1991 boundary (+{ $inside } km² inside it, counted there)
state-area-note = computed from the map's simplified boundaries
area-note = Areas are computed from the map's simplified boundaries (geodesic, WGS84) and shown to the nearest 1 km²; they differ from official figures.

## Step card

card-no-step = No step yet at this date.
card-clear-selection = Clear the selection
card-name-ours = { $scheme }: not named in the source corpus; this name is ours.
card-passages = Passages:
card-open-in-reader = Open in reader: { $id }
card-steps-touching = Steps that touched it
card-step-item = Step { $n } · { $date } · { $title }
card-step-of = Step { $n } of { $total }
card-days-after = Showing { $date }, { PLURAL($days) ->
    [one] 1 day
   *[other] { $days } days
} after this step.
card-summary-in-en = Show summary in English
card-summary-in-ar = Show summary in Arabic
card-what-changed = What changed since the previous step
card-start = This is the starting situation.
card-no-change = No change of control.
card-change-controller = { $place }: from { $from } to { $to } ({ $when })
card-change-pending = { $place }: handover to { $to } agreed
card-change-transition = { $place }: changing to { $to } { $when }
card-pending-title = Handovers pending on { $date }
card-deadline = { $place }: deadline { $deadlines }
card-deadline-item = { $date } ({ $countdown }, according to { $who })
card-deadline-or = {"; or "}
card-claims = Claims in the sources
card-claim-disputed = Disputed: { $subject }
card-claim-agreed = Sources agree: { $subject }
card-claim-version = { $value } — according to { $who }
card-cite-line = [{ $source }, line { $line }]
card-sources-title = Sources ({ PLURAL($count) ->
    [one] 1 passage
   *[other] { $count } passages
})
card-open-reader-button = Open in reader
card-copy-label = Copy reference: { $id }
card-copy-button = Copy
card-speaker = Speaker: { $name }
card-source-details = Source details
card-source-id = Source id: { $id }
card-file = File: { $file } (received as { $original })
card-passage-at = Passage: line { $line }, character offset { $offset }
card-citation-id = Citation id: { $id }
card-changes-between = Changes from { $from } to { $to }
card-nothing-changed = Nothing changed between these dates.
card-moved = { $place }: from { $from } to { $to }, { $km } km²
card-moved-pending = { $place }: handover agreed or under way, not yet changed
card-moved-total = Area that changed hands: { $km } km²

## Source fields

field-publisher = Publisher
field-dateline = Dateline
field-page-date = Page date
field-headline = Headline

## Source reader

reader-none = Open a source from a citation in the step card.
reader-missing = The source '{ $id }' is not in this dataset.
reader-smaller-icon = A−
reader-smaller = Smaller text
reader-larger-icon = A+
reader-larger = Larger text
reader-dock = ⬅ Dock
reader-dock-hover = Dock the reader beside the step card
reader-pop-out = ⬈ Pop out
reader-pop-out-hover = Open the reader in its own window
reader-close = Close the reader
reader-about = About this source
reader-as-printed = { $field } as printed
reader-agency = Agency named
reader-stated-dates = Dates the text states
reader-cited-by = Cited by steps:
reader-find = Find:
reader-all-sources = All sources
reader-matches = { PLURAL($total) ->
    [one] 1 match
   *[other] { $total } matches
} in { PLURAL($sources) ->
    [one] 1 source
   *[other] { $sources } sources
}
reader-match-label = Match in { $source } at byte { $byte }
reader-cited-passage = Cited passage { $id }, step { $steps }
reader-click-hint = Click to go to the step; right-click to copy the reference.
reader-copy-menu = Copy reference and quote
reader-place = Place: { $name }
reader-place-hover = { $name } — click to select it on the map
reader-disputed = Disputed claim: { $subject }
reader-disputed-hover = { $label }. Click to compare the versions.
reader-compare-title = Compare: { $subject }
reader-disagree = The sources disagree.
reader-cite-at = { $source } (line { $line })
reader-open-cite = Open { $id }

## Territory chart

chart-label = Territory chart
chart-km2 = { $km } km²
chart-step = step { $n }
chart-steps = steps
chart-band-name = { $name } (day not given)
chart-key-held = { $name } (km² held)
chart-key-range = range while the day is not given
chart-key-now = current date

## Files and exports

cancel = Cancel
open = Open
save = Save
files-open-dataset = Open dataset folder
files-open-tour = Open tour file
files-prompt-tour = Tour file (.toml) to open:
files-save-screenshot = Save screenshot
files-export-figure = Export figure
files-export-all-steps = Export all steps into a folder
files-export-animation = Export animation
files-job-stopped = the export stopped unexpectedly
files-by-path = { $title } by path
files-prompt-dataset = Folder holding { $files }:
files-prompt-folder = Folder to write the files into (created if missing):
files-prompt-file = File to write ({ $ext }):
files-replace-existing = The file exists: replace it
export-title-all = Export all steps
export-go = Export…
export-size = Size
export-preset-px = { $w }×{ $h }
export-preset-a4 = A4 at { $dpi } dpi
export-preset-a5 = A5 at { $dpi } dpi
export-custom = Custom
export-width = width
export-height = height
export-size-not-number = { $what } '{ $value }' is not a whole number of pixels
export-size-range = { $what } { $value } is outside { $min }–{ $max } pixels
export-format = Format
export-svg = SVG (text as outlines)
export-names = Place names
export-theme = Theme
theme-light = Light
theme-dark = Dark
export-hold = Seconds per step
export-existing = Existing files
export-replace = Replace files of the same names
export-failed = The export failed
export-failed-help = Nothing was left half-written. Check the folder exists and is writable, or choose another place.
export-exporting = Exporting
export-progress = { $done } of { $total }
export-job-figure = Figure at { $date } to { $path }
export-job-all = Every step into { $path }
export-job-animation = Animation to { $path }
export-wrote = Wrote { $path }
export-wrote-figures = Wrote { PLURAL($count) ->
    [one] 1 figure
   *[other] { $count } figures
} into { $path }
export-wrote-animation = Wrote { $path } ({ PLURAL($count) ->
    [one] 1 step
   *[other] { $count } steps
})
export-menu-hint = Exports use the bundled fonts and need no window.

## Settings

settings-title = Settings
settings-language-numbers = Language & numbers
settings-interface-language = Interface language
settings-language-system = System default ({ $name })
settings-months = Arabic month names
settings-months-latin = Egypt and the Gulf
settings-months-syriac = The Levant and Iraq
settings-months-both = Both
settings-digits = Digits
settings-digits-latin = Latin
settings-digits-arabic = Arabic-Indic
settings-arabic-only = Month names and digits apply to the Arabic interface.
settings-axis = Time axis
settings-axis-follow = Follow the interface (right to left in Arabic)
settings-axis-ltr = Earlier dates on the left
settings-axis-rtl = Earlier dates on the right
settings-example = For example: { $date }; { $km } km²

## The application's windows and messages

app-notice = Notice
app-errors = Dataset errors
app-errors-intro = The dataset on screen is unchanged. Fix these problems and open the folder again:
app-copied = Copied the reference and exact quote of { $id }.
app-screenshot-saved = Saved the window to { $path }
app-screenshot-failed = Could not save the screenshot
app-tour-opened = Opened the tour “{ $title }” ({ PLURAL($count) ->
    [one] 1 stop
   *[other] { $count } stops
}) from { $path }.
app-tour-failed = Could not open the tour { $path }
app-tour-args-failed = Could not open the tour
app-tour-empty = The tour “{ $title }” has no stops to present.
app-bundled-failed = Could not load the bundled dataset
app-open-failed = Could not open the dataset in { $path }
app-watch-failed = Edits to { $path } will not be picked up automatically ({ $error }); use { $menu } after saving.
menu-path = { $menu } > { $item }
app-reloaded = Reloaded { $name } after an edit
app-reload-has-errors = The edited dataset has errors
app-reload-errors = The edited dataset in { $path } has errors; the last good version stays on screen
app-title-presenting = { $window } — presenting { $n }/{ $total }: { $step }
app-reader-title = Source reader — { $window }
app-drop-hint = Drop a dataset folder to open it (or a tour file to present it)
settings-unreadable = Your saved settings could not be read ({ $error }); the viewer started with default settings, which replace them when it closes.

## Menus

menu-file = File
menu-open-dataset = Open dataset folder…
menu-open-dataset-path = Open dataset folder by path…
menu-open-recent = Open recent
menu-recent-missing = This folder no longer exists
menu-clear-recent = Clear recent datasets
menu-reload = Reload dataset
menu-reload-bundled = The bundled dataset cannot change
menu-use-bundled = Use the bundled dataset
menu-save-screenshot = Save screenshot…
menu-export-figure = Export figure…
menu-export-all = Export all steps…
menu-export-animation = Export animation…
menu-quit = Quit
menu-present = Present
menu-start-presenting = Start presenting
menu-present-from-here = Present from this step
menu-present-autoplay = Present with autoplay
menu-speaker-window = Speaker window while presenting
menu-tour = Tour
menu-every-step = Every step, in order
menu-tour-item = { $title } ({ PLURAL($count) ->
    [one] 1 stop
   *[other] { $count } stops
})
menu-tour-from-file = { $title } (from a file)
menu-open-tour = Open tour file…
menu-open-tour-path = Open tour file by path…
menu-view = View
menu-time-panel = Time panel
menu-step-card = Step card
menu-legend = Legend
menu-collapse-gaps = Collapse quiet periods on the time axis
menu-theme = Theme
menu-names = Place names on the map
menu-settings = Settings…
menu-help = Help
menu-shortcuts = Keyboard shortcuts
menu-about = About { $app }
menu-presenter-mode = Presenter mode
menu-presenter-mode-hover = Full screen with captions, for a class ({ $key })

## Keyboard shortcuts

keys-right = Right arrow
keys-left = Left arrow
keys-space = Space
keys-pair = { $a } / { $b }
keys-or = { $a }  or  { $b }
keys-with-shift = { $shift } + { $key }
keys-drag = Drag, scroll, pinch
keys-double-click = Double-click the map
keys-click-place = Click a place
keys-on-control = { $keys } on a control
keys-any = Any key or click during autoplay
shortcut-step = next / previous step
shortcut-day = one day later / earlier
shortcut-first-last = first / last step
shortcut-play = play / pause
shortcut-zoom = zoom in / out
shortcut-pan = pan and zoom the map
shortcut-fit = fit the places of interest
shortcut-select = select it and list its steps
shortcut-clear = clear the selection
shortcut-toggle = show or hide this list
shortcut-find = find in the source reader
shortcut-screenshot = save a screenshot of the window
shortcut-tab = move between controls
shortcut-activate = activate it
shortcut-in-presenter = In presenter mode
shortcut-present = present from the first stop / from this step
shortcut-next-stop = next stop (Space resumes paused autoplay)
shortcut-prev-stop = previous stop
shortcut-first-last-stop = first / last stop
shortcut-blackout = black the screen out and back
shortcut-autoplay = start or stop autoplay
shortcut-pause = pause it
shortcut-caption-size = larger / smaller caption
shortcut-speaker = show or hide the speaker window
shortcut-leave = leave presenter mode

## About

about-title = About { $app }
about-map-data = Map data
about-boundaries = Boundaries are simplified and approximate; a town's marker stands at its true coordinates, which can fall a few km outside its district's simplified outline.
about-areas = Areas
about-col-place = place
about-col-counted = counted km²
about-col-inside = inside the region, km²
about-counted-once = Districts are counted outside the region's 1991 boundary, so nothing is counted twice.
about-fonts = Fonts
about-fonts-text = { $fonts }, © { $vendor }, { $license } ({ $file }), from the { $distribution } package { $package }. The built-in fonts of { $toolkit } ({ $fallbacks }) as fallbacks, under their own licences.
about-sources = Sources
about-source = { $id } ({ $file }): { $label }
about-source-untitled = { $id } ({ $file })
about-source-publisher = { $source } — publisher as printed: { $publisher }
about-written = Titles and summaries are written for this product; every step links to the passages it rests on, and claims are attributed to whoever made them.

## Map

map-label = Map
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-fit = Fit map
map-legend = Legend
map-legend-show = Show legend
map-legend-hide = Hide legend
map-context-hint = Right-click a district or region for its sources.
map-sources-for = Sources for { $place }
map-tooltip-hint = Click to select it; right-click for its sources.
map-context-only = Shown for context; its control is not tracked.
# Another name of the place, under the naming scheme's label.
map-name-other = { $scheme }: { $name }
map-changed-between = Changed between { $from } and { $to }

## Presenter mode

present-stop-of = Stop { $n } of { $total }
present-autoplay-paused = Autoplay paused
present-blacked-out = Screen blacked out
present-source = Source: { $label } — { $file }, line { $line }
present-source-more = { $source } (and { PLURAL($more) ->
    [one] 1 more passage
   *[other] { $more } more passages
})

## Speaker window

speaker-title = Speaker notes
speaker-window-title = Speaker notes — { $window }
speaker-not-presenting = Not presenting. Press { $key } in the main window to start.
speaker-tour-stop = { $tour } — stop { $n } of { $total }
speaker-elapsed = Elapsed { $time }
speaker-clock = Clock { $time }
speaker-prev = Previous stop
speaker-next = Next stop
speaker-show-map = Show the map
speaker-black-out = Black out
speaker-autoplay-start = Start autoplay
speaker-autoplay-pause = Pause autoplay
speaker-autoplay-resume = Resume autoplay
speaker-leave = Leave presenter mode
speaker-next-in = Autoplay: next stop in { $secs } s
speaker-no-stops = This tour has no stops.
speaker-now = Now
speaker-notes = Notes
speaker-no-notes = No notes for this stop.
speaker-questions = Questions for the class
speaker-question = { $n }. { $text }
speaker-next-heading = Next
speaker-end = End of the tour.
