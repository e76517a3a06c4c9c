# English interface strings. Every key here must also be in ar.ftl with the
# same $variables (tests/i18n.rs checks). Numbers passed as variables are
# written in the interface's digits; plural forms follow CLDR, selected with
# PLURAL($n) (see plural_category in src/i18n/catalogue.rs).

## Lists

list-separator = {", "}
list-group-separator = {"; "}

## Dates

date-before = before { $date }
date-after = on or after { $date }
date-after-unreported = on or after { $date } (the sources give no day)
date-since-after = since a day on or after { $date }
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
fig-source-item = { $title } ({ $where })
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
state-as-at-start = As at the start of the timeline (step 1: { $title })
state-changing = Changing to { $who } { $when }; the sources do not give the day.
state-handover-agreed = Handover to { $who } agreed, not yet carried out.
state-deadline = Deadline { $date } ({ $countdown }), according to { $who }
state-deadline-disputed = The sources disagree on this deadline.
state-area = Area: { $km } km²
state-area-outside = Area: { $km } km² outside { $regions } (+{ $inside } km² inside, counted there)
state-area-note = computed from the map's simplified boundaries
area-note = Areas are computed from the map's simplified boundaries (geodesic, WGS84) and shown to the nearest 1 km²; they differ from official figures.

## Step card

card-no-step = No step yet at this date.
card-clear-selection = Clear the selection
card-name-ours = { $scheme }: not named in the source corpus; this name is ours.
card-passages = Passages:
card-open-in-reader = Open in reader: { $passage }
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
card-claim-details = every version and its passages
card-claim-agreed = Sources agree: { $subject }
card-claim-version = { $value } — according to { $who }
card-cite-line = [{ $passage }]
card-sources-title = Sources ({ PLURAL($count) ->
    [one] 1 passage
   *[other] { $count } passages
})
card-open-reader-button = Open in reader
card-copy-label = Copy reference: { $passage }
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
reader-match-label = Match in { $source }, paragraph { $paragraph }
reader-cited-passage = Cited passage, { $passage }, step { $steps }
reader-click-hint = Click to go to the step; right-click to copy the reference.
reader-copy-menu = Copy reference and quote
reader-place = Place: { $name }
reader-place-hover = { $name } — click to select it on the map
reader-disputed = Disputed claim: { $subject }
reader-disputed-hover = { $label }. Click to compare the versions.
reader-compare-title = Compare: { $subject }
reader-disagree = The sources disagree.
reader-cite-at = { $passage }
reader-open-cite = Open { $passage }

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
app-errors-intro-live = The dataset on screen is unchanged. Fix these problems and save the files: the viewer reloads the folder by itself.
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
shortcut-quit = quit (the view is remembered)
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
about-counted-once = Districts are counted outside { $regions }, so nothing is counted twice.
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
present-source = Source: { $passage }
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

## Dataset diagnostics (shown by the CLI in English and by the viewer in its
## language; the English must stay as the CLI has always printed it)

diag-error = : error: { $message }
diag-help = {"  "}help: { $help }
diag-summary = the dataset has { $count } { PLURAL($count) ->
    [one] error
   *[other] errors
}; nothing was loaded
detail-toml = { $text }
detail-json = { $text }
detail-system = { $text }
detail-other = { $text }
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-invalid-data = the data is not valid
io-is-a-directory = it is a folder
io-not-a-directory = a part of the path is not a folder
io-storage-full = the disk is full
io-read-only = the file system is read-only
io-incomplete = the data ended early
diag-file-not-found = file not found
diag-file-not-bundled = file not found in the bundled dataset
diag-file-unreadable = cannot be read: { $detail }
diag-data-not-folder = the data directory is not a folder
diag-data-missing = the data directory does not exist
diag-data-help = pass --data with a folder that holds { $files }, and sources/; or leave out --data to use the bundled dataset
diag-files-help = a dataset folder needs { $files } and the source texts under sources/
diag-not-utf8 = is not valid UTF-8 text: byte { $byte } (byte offset { $offset }) does not start a UTF-8 character
diag-not-utf8-help = save the file with UTF-8 encoding (for Windows-1256 Arabic text: iconv -f CP1256 -t UTF-8)
diag-toml = { $detail }
diag-toml-help = see data/README.md for the format of this file
diag-no-english = { $what } has no English (en) text
diag-no-english-help = every title, summary and name needs at least `en = "..."`
diag-range-reversed = date range ends ({ $to }) before it starts ({ $from })
diag-range-reversed-help = swap `from` and `to`: `from` is the first possible day
date-err-format = '{ $value }' is not a date in the form YYYY-MM-DD (for example 2020-11-10; a year of more than four digits with its sign, such as -13800000000-01-01, up to twelve digits)
date-err-month = '{ $value }' has month { $month }; months run from 01 to 12
date-err-day = '{ $value }' does not exist: { $month } { $year } has { $days } days
diag-kind-controller = controller
diag-kind-place = place
diag-kind-source = source
diag-kind-citation = citation
diag-kind-claim = claim
diag-kind-step = step
diag-kind-tour = tour
diag-id-invalid = { $kind } id '{ $id }' is not a valid id
diag-id-invalid-help = ids use lower-case ASCII letters, digits, '-' and '_'
diag-id-twice = { $kind } id '{ $id }' is used twice
diag-id-twice-help = give each one a different id
diag-no-citations = { $owner } has no citations
diag-no-citations-help = add at least one citation id: every event must be backed by the sources
diag-unknown-ref = unknown { $kind } id '{ $id }'
diag-unknown-ref-help = use one of the { $kind } ids defined in the dataset, or define '{ $id }'
diag-use-one-of = use one of: { $ids }
diag-no-controllers = no controllers are defined, but places.toml has districts or regions whose control the timeline tracks
diag-no-controllers-help = add [[controller]] tables with an id and names to dataset.toml
diag-what-dataset-title = the dataset title
diag-what-controller = controller '{ $id }'
diag-what-place = place '{ $id }'
diag-what-claim-subject = claim '{ $id }' subject
diag-what-claim-version = claim '{ $id }' version '{ $value }'
diag-what-step = step '{ $id }'
diag-what-step-title = step '{ $id }' title
diag-what-step-summary = step '{ $id }' summary
diag-what-change = the change of '{ $place }' in step '{ $id }'
diag-what-pending = the pending handover of '{ $place }' in step '{ $id }'
diag-coverage-reversed = coverage ends ({ $to }) before it starts ({ $from })
diag-place-kind = unknown place kind '{ $kind }'
diag-place-kind-help = use "district", "region" or "town"
diag-centre-range = centre lat { $lat } lon { $lon } is out of range
diag-centre-range-help = latitude is -90..90 degrees north, longitude -180..180 degrees east
diag-town-no-centre = town '{ $id }' has no centre
diag-town-no-centre-help = add centre = {"{"} lat = ..., lon = ... {"}"}
diag-passage-missing = this text does not occur verbatim in source '{ $source }'
diag-passage-missing-help = copy the words from the source file exactly, including punctuation and spaces
diag-source-path = source file '{ $file }' is not a plain path inside sources/
diag-source-path-help = name a file in the dataset's sources/ folder, e.g. "article.txt"
diag-source-unreadable = source '{ $id }': { $file } { $reason }
diag-source-unreadable-help = put the text in the sources/ folder or correct `file`
diag-source-sha = source '{ $id }': { $file } has SHA-256 { $sum }, not the recorded one
diag-source-sha-help = the corpus must stay byte for byte as received: restore the original file, or record the new sum if the change is intended
diag-direction = unknown direction '{ $value }'
diag-direction-help = use "rtl" or "ltr"
diag-citation-source = citation '{ $id }': unknown source id '{ $source }'
diag-citation-negative = citation '{ $id }': offset { $offset } is negative
diag-citation-negative-help = offsets count characters from 0 at the start of the file
diag-citation-elsewhere = citation '{ $id }': the quote is in source '{ $source }' at character offset { $actual }, not { $offset }
diag-citation-elsewhere-help = set offset = { $actual }
diag-citation-missing = citation '{ $id }': the quote does not occur verbatim in source '{ $source }' ({ $file }); the closest passage starts at line { $line }, column { $column }: { $difference }
diag-citation-missing-help = copy the quote from the source file exactly; do not retype, normalise or correct it
quote-mismatch = the first { $matched } characters match; then the source has { $source } where the quote has { $quote }
quote-char = '{ $char }' ({ $code })
quote-end-of-text = the end of the text
diag-claim-kind = claim '{ $id }': unknown kind '{ $kind }'
diag-claim-kind-help = use "date", "number" or "text"
diag-claim-date = claim '{ $id }': { $reason }
diag-claim-date-help = date claims take "YYYY-MM-DD" values
diag-claim-no-versions = claim '{ $id }' has no versions
diag-claim-no-versions-help = add [[claim.version]] tables
diag-claim-undisputed = claim '{ $id }': the versions give different dates ({ $dates }) but disputed = false
diag-claim-undisputed-help = set disputed = true: the product must flag every disagreement between sources
diag-claim-one-version = claim '{ $id }' is marked disputed but has one version
diag-claim-one-version-help = add the other version with its citation, or set disputed = false
diag-weekday-range = step '{ $id }': a weekday can only be checked against a single day
diag-weekday-range-help = remove `weekday` or give a single date
diag-weekday = step '{ $id }': { $date } is a { $actual }, not a { $given }
diag-weekday-help = the source names the weekday: re-derive the date from it
diag-step-order = step '{ $id }' ({ $date }) comes after step '{ $previous }' ({ $prevdate }) but is earlier
diag-step-order-help = list steps in chronological order
diag-step-controller = step '{ $id }': unknown controller '{ $controller }'
diag-deadline-kind = step '{ $id }': deadline claim '{ $claim }' is not a date claim
diag-deadline-kind-help = set kind = "date" on the claim
diag-deadline-unknown = step '{ $id }': unknown claim id '{ $claim }'
diag-deadline-unknown-help = define the deadline as a [[claim]] of kind "date"
diag-no-steps = the timeline has no steps
diag-no-steps-help = add [[step]] tables
diag-extent-range = { $name } = { $value } is outside -{ $limit }..{ $limit }
diag-extent-order = { $low } ({ $lowvalue }) must be less than { $high } ({ $highvalue })
diag-extent = step '{ $id }': bad extent: { $problems }
diag-extent-help = extent = {"{"} west = lon, south = lat, east = lon, north = lat {"}"} in degrees (WGS84): longitudes -180..180 east, latitudes -90..90 north, west < east, south < north
diag-tour-path = tour file '{ $file }' is not a plain relative path to a .toml file inside the dataset folder
diag-tour-path-help = write e.g. tours = ["tours/handovers.toml"]: no '..', no absolute paths, no backslashes
diag-tour-reserved = tour id '{ $id }' is reserved for the built-in tour through every step
diag-tour-reserved-help = rename the file
diag-tour-unreadable = tour file { $file }: { $reason }
diag-tour-unreadable-help = create the file (see data/README.md, "Tours"), or remove it from `tours`
diag-step-place = step '{ $id }': unknown place id '{ $place }'
diag-step-place-help = use a district or region id from places.toml: { $ids }
diag-never-controlled = place '{ $id }' never gets a controller, so its state is undefined
diag-never-controlled-help = add a change for it to the first (baseline) step
diag-undefined-start = place '{ $id }' has no defined state from { $from } (start of coverage) until { $until } (step '{ $step }')
diag-undefined-start-help = give it a controller in the baseline step, dated on or before the start of coverage
diag-overlap = place '{ $id }': the change in step '{ $step }' ({ $when }) overlaps the change in step '{ $previous }' ({ $prevwhen })
diag-overlap-help = a place's changes must follow one another; check the dates
diag-after-open-end = place '{ $id }': the change in step '{ $step }' ({ $when }) comes after the change in step '{ $previous }' ({ $prevwhen }), which has no end
diag-after-open-end-help = the earlier change has an open end, so the order of the two cannot be known: give the earlier change an end date (an interval such as "2020-09-27/2020-11-10"), or remove the later change
diag-step-open-end = step '{ $id }' is dated { $date }, with no end, so it cannot be placed on the time line
diag-step-open-end-help = date the step by when it was reported, and give the change whose day is not known its own date: when = "2020-09-27/.."
diag-repeat = place '{ $id }': step '{ $step }' gives it to '{ $to }', which already holds it since step '{ $previous }'
diag-repeat-help = remove the repeated change, or correct `to`
diag-alias = place '{ $id }': alias '{ $alias }' does not occur in any '{ $lang }' source
diag-alias-help = aliases record spellings found in the corpus; copy them from a source text
diag-shape-area = an area
diag-shape-lines = lines
diag-shape-point = a point
diag-feature-shape = feature '{ $id }' must be a { $kind } polygon to match places.toml, but is kind '{ $actual }' with { $shape }
diag-map-import-help = re-run the map import (data/README.md)
diag-feature-missing = no feature with id '{ $id }', which places.toml tracks
diag-feature-missing-help = add its polygon to map.geojson (re-run the map import), or correct the id
geo-json-invalid = not valid JSON: { $detail }
geo-json-invalid-help = fix the JSON syntax, or re-run the map import (data/README.md)
geo-not-collection = expected a GeoJSON FeatureCollection with a "features" array
geo-id-twice = feature #{ $index }: id '{ $id }' is used twice
geo-feature = feature #{ $index }: { $problem }
geo-feature-id = feature #{ $index } (id '{ $id }'): { $problem }
geo-no-properties = has no "properties" object
geo-property-text = property "{ $key }" must be a non-empty string
geo-names-object = property "names" must be an object of language -> name
geo-name-text = names.{ $lang } must be a string
geo-name-en-missing = names.en is missing
geo-no-geometry = has no "geometry"
geo-no-type = geometry has no "type"
geo-no-coordinates = geometry has no "coordinates"
geo-type-unsupported = geometry type "{ $type }" is not supported
geo-coordinates-arrays = coordinates must be arrays
geo-position-numbers = a position must be [longitude, latitude] numbers
geo-position-range = position [{ $lon }, { $lat }] is out of range (longitude first, then latitude, in degrees)
geo-line-short = a line needs at least two positions
geo-polygon-empty = a polygon needs an outer ring
geo-ring-open = every polygon ring must be closed (first position == last) with at least four positions
tour-format-help = see data/README.md, "Tours", for the format of a tour file
tour-is-folder = is a folder, not a tour file
tour-is-folder-help = pass the path of a tour .toml file (see data/README.md, "Tours")
tour-not-found = tour file not found
tour-unreadable = the tour file cannot be read: { $detail }
tour-not-found-help = check the path (a relative path starts from the current folder); `karabakh-atlas tours` lists the dataset's own tours
tour-step-not-shown = --step { $step }: tour '{ $id }' does not show step { $step }; it shows steps { $shown }
tour-step-not-shown-help = pick one of those steps with --step, or leave out --step to start at the tour's first stop
tour-what-title = the tour's title
tour-what-description = the tour's description
tour-what-hold = the tour's hold
tour-what-stop-hold = stop { $n }'s hold
tour-what-stop-notes = stop { $n }'s notes
tour-what-stop-question = stop { $n }'s question { $question }
tour-no-stops = the tour has no stops
tour-no-stops-help = add at least one [[stop]] table with step = "<a step id>"; `karabakh-atlas steps` lists the step ids
tour-no-english-help = write it as {"{"} en = "...", ar = "..." {"}"}: English is required, other languages are optional
tour-hold-nan = { $what } is { $value }, not a number of seconds
tour-hold-zero = { $what } is { $value } seconds; it must be more than 0
tour-hold-long = { $what } is { $value } seconds, more than the limit of { $limit } (10 minutes)
tour-hold-help = hold is how many seconds autoplay stays on a stop: a number more than 0 and at most { $limit }, e.g. hold = 10
tour-step-unknown = unknown step id '{ $id }'
tour-step-unknown-guess = did you mean '{ $guess }'? `karabakh-atlas steps` lists the step ids (with --data DIR for another dataset)
tour-step-unknown-help = `karabakh-atlas steps` lists the step ids (with --data DIR for another dataset)
# The TimelineJS importer is a CLI command; its reports are English.
import-text = { $text }

## Export failures in the viewer (the same words as the CLI's)

export-err-exists = { $path }: the file already exists; pass --force to overwrite it, or choose another path
export-err-no-folder = { $path }: the folder { $folder } does not exist or is not a folder; create it or choose another path
export-err-is-folder = { $path }: that is a folder; give a file name such as map.png
export-err-not-folder = { $path }: that is not a folder; one file per step needs a folder (it is created if missing)
export-err-io = could not { $action } { $path }: { $detail }; check that the folder exists and is writable
export-action-create = create
export-action-write = write
export-action-rename = rename into
export-action-create-folder = create the folder
export-action-move-aside = move aside
export-err-size = a figure of { $width }×{ $height } pixels is not possible: each side must be from { $min } to { $max } pixels; choose a smaller size or a lower --dpi
export-err-dpi = --dpi { $dpi } is out of range: use a resolution from 72 to 1200 dpi (300 is usual for print)
export-err-hold = a hold time of { $secs } s per step is out of range: use 0.2 to 60 seconds
export-err-no-steps = the dataset has no steps, so there is nothing to export per step
export-err-no-such-step = step { $index } does not exist: the dataset has { $count } steps (1 to { $count })
export-err-render = could not render the figure: { $detail } (this is a bug; please report it)
export-err-encode = could not encode the { $format }: { $detail }
export-err-cancelled = the export was cancelled; nothing was written

# Naming schemes ([[naming]] in dataset.toml) and place-name keys.
diag-name-key-not-tag = place '{ $id }' has a name under '{ $key }', which is not a language tag
diag-name-key-not-tag-help = name keys are language tags such as en, az or hy-Latn: letters and digits in parts of 1 to 8 characters joined by '-'
diag-naming-not-tag = naming lang '{ $tag }' is not a language tag
diag-naming-not-tag-help = write a key of the places' names tables, such as "az" or "hy-Latn"
diag-naming-twice = naming lang '{ $tag }' is declared twice
diag-naming-twice-help = keep one [[naming]] table per language
diag-naming-unused = no place has a name in '{ $tag }'
diag-naming-unused-help = add names.{ $tag } to the places in places.toml, or remove this [[naming]] table
diag-naming-undeclared = place '{ $id }' has a name in '{ $tag }', but dataset.toml declares no naming '{ $tag }'
diag-naming-undeclared-help = add [[naming]] with lang = "{ $tag }" and a label to dataset.toml, or remove names.{ $tag }
diag-what-naming-label = the label of naming '{ $tag }'
# The dataset's own words (string or language table).
diag-own-words-no-english-help = write a plain string (English), or a table with at least `en = "..."`, e.g. { "{" } en = "...", ar = "..." { "}" }
diag-what-source-gloss = a gloss in source '{ $id }'
diag-what-source-label = source '{ $id }' label
diag-what-source-note = source '{ $id }' note
diag-what-citation-speaker = citation '{ $id }' speaker
diag-what-citation-gloss = citation '{ $id }' gloss
diag-what-claim-value = claim '{ $id }' value
diag-what-claim-note = claim '{ $id }' note
diag-what-according-to = claim '{ $id }' version '{ $value }' according_to
diag-what-step-date-note = step '{ $id }' date_note
diag-claim-date-table = claim '{ $id }': a date claim's value is a table by language
diag-claim-date-table-help = date claims take one "YYYY-MM-DD" string: the viewer writes the date in each language

# A citation reference copied from the reader (Copy reference).
cite-quote = “{ $quote }”
cite-source = — { $label } [{ $id }; file { $file }, line { $line }, characters { $from }–{ $to }]
cite-publisher = Publisher as printed: { $text }
cite-dateline = Dateline as printed: { $text }
cite-page-date = Page date as printed: { $text }
cite-speaker = Speaker: { $text }
cite-gloss = Gloss: { $text }
cite-steps = Cited in { $app }: { $text }
cite-step = step { $n } ({ $date }, { $title })

# No internal ids before the audience (issue 16, point 3): sources named by
# title, publisher and date, passages by paragraph; {source:ID} references
# in the dataset's own words.
cite-passage-label = { $title }, paragraph { $paragraph }
cite-paragraph = paragraph { $paragraph }
cite-credit = { $title } — { $by }
diag-ref-malformed = { $what } has a brace that does not start a reference: '{ $found }'
diag-ref-malformed-help = name a source as `{"{"}source:ID{"}"}` with its id from `sources.toml`; write `{"{{"}` for a brace of your own
diag-ref-unknown-source = { $what } refers to source '{ $id }', which `sources.toml` does not define
diag-ref-unknown-source-help = refer to a source as `{"{"}source:ID{"}"}` with one of the ids `sources.toml` defines: { $ids }
fig-paragraphs = { PLURAL($count) ->
    [one] paragraph
   *[other] paragraphs
} { $list }

# Base layer (issue 16: the map has no end)
geo-base-not-area = the base layer ({ $file }) holds only land polygons; remove this feature or make it a Polygon or MultiPolygon

# Teaching outputs (issue #20): the PDF handout's words.
handout-period = Period covered: { $range }
handout-tour = Tour: { $title }
handout-sources = Sources
handout-source-publisher = Publisher as printed: { $publisher }
handout-source-no-publisher = No publisher is printed.
handout-source-date = Date as printed: { $date }
handout-source-no-date = No date is printed.
handout-source-sha = SHA-256: { $sum }
handout-map-credit = Map: { $credit }
handout-bookmark = { $n }. { $title }
handout-stop = Stop { $n } of { $total }
handout-passages = Cited passages
handout-speaker = Speaker: { $speaker }
handout-where = In “{ $source }”, line { $line }
handout-questions = Questions
handout-question = { $n }. { $question }
handout-notes = Teacher’s notes
handout-page = Page { $n } of { $total }
# Teaching outputs (issue #20): the viewer's File menu.
menu-export-handout = Export handout…
menu-export-video = Export video…
files-export-handout = Export handout (PDF)
files-export-video = Export video (MP4)
export-job-handout = Handout to { $path }
export-job-video = Video to { $path }
## Dates: EDTF, BCE, uncertain and approximate (issue #21)
date-year-bce = { $year } BCE
date-qualified-uncertain = { $date } (uncertain)
date-qualified-approximate = { $date } (approximate)
date-qualified-both = { $date } (approximate, uncertain)
edtf-err-syntax = '{ $value }' is not a date this tool reads: write a day YYYY-MM-DD, a month YYYY-MM, a year YYYY (-0330 for 331 BCE), or an interval such as 2020-09-27/2020-11-10, with ? (uncertain), ~ (approximate) or % (both) after a date if needed (EDTF levels 0 and 1)
edtf-err-year = '{ $value }' gives the year { $year }; dates can run from the year -999999999999 to 999999999999
edtf-err-reversed = '{ $value }' ends before it starts: put the earlier date before the slash
edtf-err-unspecified = '{ $value }' has unspecified digits (X) that do not stand for one run of days: only the last digits of a part may be X, and every later part must then be XX
edtf-err-season = '{ $value }' is a season (code { $season }); seasons are not kept, since their months depend on the hemisphere: write the months as an interval such as 2020-03/2020-05
edtf-err-time = '{ $value }' has a time of day; dates are kept by day: write the day alone, such as 2020-11-10
edtf-err-level2 = '{ $value }' uses EDTF level 2 (sets, qualifiers inside a date, significant digits or exponents), which is not read: write a level 0 or 1 date or interval instead
edtf-help = write a day as "YYYY-MM-DD" (BCE years with a minus sign, astronomical: "-0330-10-01" is 1 October 331 BCE), a month "YYYY-MM", a year "YYYY", an interval "2020-09-27/2020-11-10" or "../2020-11-10", a change on some day from a day on that the sources do not give "2020-09-27/.." (EDTF levels 0 and 1, with ?, ~ or % after a date the sources are unsure of or give approximately); or a table {"{"} from = "…", to = "…" {"}"} or {"{"} before = "…" {"}"} or {"{"} after = "…" {"}"}
time-gap-years = { PLURAL($years) ->
    [one] ~1 year
   *[other] ~{ $years } years
}

## Evidence (issue 18): reported, claimed, inferred; whole or part

legend-claimed = Claimed by a party, not reported in a text's own voice (dots)
legend-inferred = Inferred from what the sources say, not stated (dashes)
legend-part = Part of a place held by { $name } (paler, upright lines)
legend-not-reported = Claimed or inferred control, shown as unknown (reported control only)
evidence-claimed = according to { $party }
evidence-inferred = inferred: { $note }
evidence-inferred-brief = inferred from the sources
evidence-part-brief = held in part only
evidence-part = part of { $place } only
evidence-unknown = Shown as unknown: no text reports this control in its own voice.
evidence-pending = Handover { $words }
menu-reported-only = Reported control only
fig-evidence = How the sources support it: { $list }.
fig-evidence-item = { $place }: { $words }
diag-basis-unknown = { $owner }: unknown basis '{ $basis }'
diag-basis-unknown-help = use "reported" (a text states it in its own voice), "claimed" (a party says so) or "inferred" (it follows from what the sources say)
diag-reach-unknown = { $owner }: unknown extent '{ $extent }'
diag-reach-unknown-help = use "whole" (the whole place) or "part" (a part of it), as the sources say
diag-claimed-no-party = { $owner } is claimed but names no party
diag-claimed-no-party-help = add claimed_by with the id of the controller that makes the claim; { $ids }
diag-claimed-unknown-party = { $owner }: claimed_by names '{ $party }', which is not a controller of the dataset
diag-claimed-no-citation = { $owner } is claimed but cites no passage of the claim
diag-claimed-no-citation-help = add claim_citations = ["..."] with the id of the citation where the party says so
diag-claim-fields-not-claimed = { $owner }: { $field } is given but the basis is "{ $basis }"
diag-claim-fields-not-claimed-help = set basis = "claimed", or remove { $field }
diag-inferred-no-note = { $owner } is inferred but has no basis_note
diag-inferred-no-note-help = add basis_note explaining how it follows from the sources
diag-what-basis-note = the basis note of { $owner }

## Handout: one page per stop, and tagging for accessibility (issue #20)
handout-continued = { $stop } (continued)
handout-alt = Map on { $date }. { $states }
handout-alt-held = Controlled by { $who }: { $places }.
handout-alt-changing = Changing to { $who } { $when }: { $places }.
handout-alt-pending = Handover to { $who } agreed, not yet carried out: { $places }.
handout-alt-none = No tracked place has a state yet at this date.
handout-speaker-where = { $speaker }; { $where }

## Accessible map (places as accessible nodes, keyboard, announcements,
## reduce motion, the table of places)
access-place = { $place }: { $state }
access-sentence-separator = { ". " }
access-step = Step { $n } of { $count }: { $title }. { $changes }
keys-in-map = Arrow keys in the map
shortcut-step-anywhere = next / previous step, also in the map
shortcut-map-arrows = move to the nearest place that way; { $enter } selects it, { $esc } leaves the map
shortcut-table = show or hide the table of places
menu-table = Table of places
menu-reduce-motion = Reduce motion
table-title = Places on { $date }
table-place = Place
table-controller = Controlled by
table-since = Since
table-pending = Pending handover
table-none = none
table-pending-to = to { $who }
table-pending-deadlines = to { $who }, { $deadlines }
settings-motion = Motion
settings-motion-system = Follow the system ({ $state })
settings-motion-system-reduced = reduced
settings-motion-system-full = full, or not readable
settings-motion-reduce = Reduce motion: no camera flights, pulses or cross-fades
settings-motion-full = Full motion
