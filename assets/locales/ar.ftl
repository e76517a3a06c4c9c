# نصوص الواجهة العربية (العربية الفصحى المعاصرة). لكل مفتاح هنا نظير في
# en.ftl بالمتغيرات نفسها. صيغ الجمع وفق CLDR: zero وone وtwo وfew وmany
# وother.

## القوائم

list-separator = {"، "}
list-group-separator = {"؛ "}

## التواريخ

date-before = قبل { $date }
date-after = في { $date } أو بعده
date-after-unreported = في { $date } أو بعده (لا تذكر المصادر اليوم)
date-since-after = منذ يوم ما في { $date } أو بعده
date-range = { $from } – { $to }
date-since = منذ { $date }
date-since-between = منذ يوم ما بين { $from } و{ $to }
date-on = في { $date }
date-on-between = في يوم ما بين { $from } و{ $to }
date-when-between = في يوم ما بين { $from } و{ $to }

## أسماء الأماكن

names-interface = لغة الواجهة
names-tag = الأسماء: { $tag }

## مفتاح الخريطة

legend-controlled-by = تحت سيطرة { $name }
legend-handover-agreed = تسليم متفق عليه لم ينفذ بعد (الخطوط بلون الطرف المتسلم)
legend-changing-undated = انتقال السيطرة في يوم لا تذكره المصادر
legend-boundary-of = حدود { $name }
legend-neighbouring-areas = مناطق مجاورة (للسياق)
legend-neighbouring-countries = دول مجاورة (للسياق)

## الأشكال المصدّرة

fig-key = مفتاح الخريطة
fig-km = { $km } كم
fig-title = { $title } — { $date }: { $step }
fig-description = الخريطة في { $date } ({ $iso }). { $step }.
fig-step = الخطوة { $n } من { $total }: { $title }
fig-step-dated = الخطوة { $n } من { $total }: { $title } (بتاريخ { $date })
fig-latest-step = آخر خطوة قبل هذا التاريخ: { $n } من { $total }، { $title } ({ $date })
fig-before-first = قبل الخطوة الأولى من التسلسل الزمني
fig-source-item = { $title } ({ $where })
fig-sources = مصادر الخطوة { $n } من { $total }: { $list }.
fig-no-sources = لا تستشهد الخطوة { $n } من { $total } بأي مصدر.

## شريط الزمن

time-first = الخطوة الأولى
time-previous = الخطوة السابقة
time-play = تشغيل
time-pause = إيقاف مؤقت
time-next = الخطوة التالية
time-last = الخطوة الأخيرة
time-step-of = الخطوة { $n } من { $total }
time-speed = السرعة
time-speed-hover = سرعة التشغيل
time-speed-value = { $speed }×
time-loop = تكرار
time-loop-hover = البدء من جديد بعد الخطوة الأخيرة
time-linear = زمن خطي
time-linear-hover = عرض الفترات الهادئة بطولها الحقيقي
time-chart = المخطط
time-chart-hover = عرض المساحة التي سيطر عليها كل طرف عبر الزمن
time-compare = مقارنة
time-compare-hover = إبراز ما تغيّر بين تاريخ سابق والتاريخ الحالي
time-date-axis = التاريخ
time-gap-months = { PLURAL($months) ->
    [zero] أقل من شهر
    [one] نحو شهر
    [two] نحو شهرين
    [few] نحو { $months } أشهر
    [many] نحو { $months } شهرًا
   *[other] نحو { $months } شهر
}
time-tick = الخطوة { $n }: { $title }

## المقارنة بين تاريخين

compare-from = المقارنة من
compare-from-step = المقارنة من خطوة
compare-step-date = الخطوة { $n } · { $date }
compare-step-item = الخطوة { $n } · { $date } · { $title }
compare-or-date = أو تاريخ
compare-date-hint = اكتب تاريخًا من { $from } إلى { $to } بالصيغة سنة-شهر-يوم
compare-to-current = إلى { $date } (التاريخ الحالي)

## المواعيد النهائية

countdown-left = { PLURAL($days) ->
    [zero] يحين اليوم
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $days } أيام
    [many] بقي { $days } يومًا
   *[other] بقي { $days } يوم
}
countdown-today = يحين اليوم
countdown-passed = { PLURAL($days) ->
    [zero] يحين اليوم
    [one] مضى عليه يوم واحد
    [two] مضى عليه يومان
    [few] مضت عليه { $days } أيام
    [many] مضى عليه { $days } يومًا
   *[other] مضى عليه { $days } يوم
}

## حالة المكان

state-controlled-by = تحت سيطرة { $who } { $since }
state-changed-at = تغيّرت في الخطوة { $n }: { $title }
state-as-at-start = كما كان في بداية الخط الزمني (الخطوة 1: { $title })
state-changing = تنتقل إلى { $who } { $when }؛ لا تذكر المصادر اليوم.
state-handover-agreed = اتُّفق على تسليمها إلى { $who }، ولم يُنفَّذ التسليم بعد.
state-deadline = الموعد النهائي { $date } ({ $countdown })، بحسب { $who }
state-deadline-disputed = تختلف المصادر في هذا الموعد.
state-area = المساحة: { $km } كم²
state-area-outside = المساحة: { $km } كم² خارج { $regions } (و{ $inside } كم² داخله، محسوبة ضمنه)
state-area-note = محسوبة من حدود الخريطة المبسّطة
area-note = حُسبت المساحات من حدود الخريطة المبسّطة (حساب جيوديسي) وتُعرض مقرّبة إلى أقرب 1 كم²؛ وهي تختلف عن الأرقام الرسمية.

## بطاقة الخطوة

card-no-step = لا توجد خطوة بعد في هذا التاريخ.
card-clear-selection = إلغاء التحديد
card-name-ours = { $scheme }: لم يرد هذا الاسم في نصوص المصادر؛ الاسم من وضعنا.
card-passages = المقاطع:
card-open-in-reader = افتح في القارئ: { $passage }
card-steps-touching = الخطوات التي شملته
card-step-item = الخطوة { $n } · { $date } · { $title }
card-step-of = الخطوة { $n } من { $total }
card-days-after = يُعرض { $date }، { PLURAL($days) ->
    [zero] في يوم هذه الخطوة نفسه
    [one] بعد يوم واحد من هذه الخطوة
    [two] بعد يومين من هذه الخطوة
    [few] بعد { $days } أيام من هذه الخطوة
    [many] بعد { $days } يومًا من هذه الخطوة
   *[other] بعد { $days } يوم من هذه الخطوة
}.
card-summary-in-en = عرض الملخص بالإنجليزية
card-summary-in-ar = عرض الملخص بالعربية
card-what-changed = ما الذي تغيّر منذ الخطوة السابقة
card-start = هذا هو الوضع في البداية.
card-no-change = لا تغيّر في السيطرة.
card-change-controller = { $place }: من { $from } إلى { $to } ({ $when })
card-change-pending = { $place }: اتُّفق على تسليمها إلى { $to }
card-change-transition = { $place }: تنتقل إلى { $to } { $when }
card-pending-title = عمليات تسليم معلّقة في { $date }
card-deadline = { $place }: الموعد النهائي { $deadlines }
card-deadline-item = { $date } ({ $countdown }، بحسب { $who })
card-deadline-or = {"؛ أو "}
card-claims = روايات المصادر
card-claim-disputed = موضع خلاف: { $subject }
card-claim-details = كل رواية ومقاطعها
card-claim-agreed = المصادر متفقة: { $subject }
card-claim-version = { $value } — بحسب { $who }
card-cite-line = [{ $passage }]
card-sources-title = المصادر ({ PLURAL($count) ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
    [many] { $count } مقطعًا
   *[other] { $count } مقطع
})
card-open-reader-button = افتح في القارئ
card-copy-label = نسخ المرجع: { $passage }
card-copy-button = نسخ
card-speaker = المتحدث: { $name }
card-source-details = تفاصيل المصدر
card-source-id = معرّف المصدر: { $id }
card-file = الملف: { $file } (وصل باسم { $original })
card-passage-at = المقطع: السطر { $line }، الإزاحة { $offset } حرفًا
card-citation-id = معرّف الاستشهاد: { $id }
card-changes-between = التغييرات من { $from } إلى { $to }
card-nothing-changed = لم يتغيّر شيء بين هذين التاريخين.
card-moved = { $place }: من { $from } إلى { $to }، { $km } كم²
card-moved-pending = { $place }: اتُّفق على التسليم أو بدأ ولم تتغيّر السيطرة بعد
card-moved-total = المساحة التي انتقلت السيطرة عليها: { $km } كم²

## حقول المصدر

field-publisher = الناشر
field-dateline = سطر المكان والتاريخ
field-page-date = تاريخ الصفحة
field-headline = العنوان

## قارئ المصادر

reader-none = افتح مصدرًا من أحد الاستشهادات في بطاقة الخطوة.
reader-missing = المصدر «{ $id }» غير موجود في مجموعة البيانات هذه.
reader-smaller-icon = أ−
reader-smaller = تصغير النص
reader-larger-icon = أ+
reader-larger = تكبير النص
reader-dock = إرساء
reader-dock-hover = إعادة القارئ إلى جانب بطاقة الخطوة
reader-pop-out = نافذة مستقلة
reader-pop-out-hover = فتح القارئ في نافذة مستقلة
reader-close = إغلاق القارئ
reader-about = عن هذا المصدر
reader-as-printed = { $field } كما ورد في النص
reader-agency = الوكالة المذكورة
reader-stated-dates = التواريخ التي يذكرها النص
reader-cited-by = تستشهد به الخطوات:
reader-find = بحث:
reader-all-sources = كل المصادر
reader-matches = { PLURAL($total) ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $total } نتائج
    [many] { $total } نتيجة
   *[other] { $total } نتيجة
} في { PLURAL($sources) ->
    [zero] أي مصدر
    [one] مصدر واحد
    [two] مصدرين
    [few] { $sources } مصادر
    [many] { $sources } مصدرًا
   *[other] { $sources } مصدر
}
reader-match-label = نتيجة في { $source }، الفقرة { $paragraph }
reader-cited-passage = مقطع مستشهد به، { $passage }، الخطوة { $steps }
reader-click-hint = انقر للانتقال إلى الخطوة، أو انقر بالزر الأيمن لنسخ المرجع.
reader-copy-menu = نسخ المرجع والاقتباس
reader-place = مكان: { $name }
reader-place-hover = { $name } — انقر لتحديده على الخريطة
reader-disputed = رواية موضع خلاف: { $subject }
reader-disputed-hover = { $label }. انقر للمقارنة بين الروايات.
reader-compare-title = مقارنة: { $subject }
reader-disagree = تختلف المصادر في هذا.
reader-cite-at = { $passage }
reader-open-cite = فتح { $passage }

## مخطط المساحات

chart-label = مخطط السيطرة على الأراضي
chart-km2 = { $km } كم²
chart-step = الخطوة { $n }
chart-steps = الخطوات
chart-band-name = { $name } (اليوم غير مذكور)
chart-key-held = { $name } (كم² تحت السيطرة)
chart-key-range = النطاق ما دام اليوم غير مذكور
chart-key-now = التاريخ الحالي

## الملفات والتصدير

cancel = إلغاء
open = فتح
save = حفظ
files-open-dataset = فتح مجلد بيانات
files-open-tour = فتح ملف جولة
files-prompt-tour = ملف الجولة المراد فتحه:
files-save-screenshot = حفظ لقطة للنافذة
files-export-figure = تصدير صورة الخريطة
files-export-all-steps = تصدير كل الخطوات إلى مجلد
files-export-animation = تصدير الرسم المتحرك
files-job-stopped = توقف التصدير على نحو غير متوقع
files-by-path = { $title } بإدخال المسار
files-prompt-dataset = المجلد الذي يحوي { $files }:
files-prompt-folder = المجلد الذي تُكتب فيه الملفات (يُنشأ إن لم يكن موجودًا):
files-prompt-file = الملف المراد كتابته ({ $ext }):
files-replace-existing = الملف موجود: استبداله
export-title-all = تصدير كل الخطوات
export-go = تصدير…
export-size = الحجم
export-preset-px = { $w }×{ $h }
export-preset-a4 = A4 بدقة { $dpi } نقطة في البوصة
export-preset-a5 = A5 بدقة { $dpi } نقطة في البوصة
export-custom = مخصص
export-width = العرض
export-height = الارتفاع
export-size-not-number = { $what } «{ $value }» ليس عددًا صحيحًا من البكسلات
export-size-range = { $what } { $value } خارج النطاق { $min }–{ $max } بكسل
export-format = الصيغة
export-svg = SVG (النص مسارات)
export-names = أسماء الأماكن
export-theme = المظهر
theme-light = فاتح
theme-dark = داكن
export-hold = الثواني لكل خطوة
export-existing = الملفات الموجودة
export-replace = استبدال الملفات التي تحمل الأسماء نفسها
export-failed = فشل التصدير
export-failed-help = لم يُترك أي ملف مكتوبًا جزئيًا. تأكد من وجود المجلد وإمكان الكتابة فيه، أو اختر مكانًا آخر.
export-exporting = جارٍ التصدير
export-progress = { $done } من { $total }
export-job-figure = صورة الخريطة في { $date } إلى { $path }
export-job-all = كل الخطوات إلى { $path }
export-job-animation = الرسم المتحرك إلى { $path }
export-wrote = كُتب { $path }
export-wrote-figures = { PLURAL($count) ->
    [zero] لم تُكتب أي صورة
    [one] كُتبت صورة واحدة
    [two] كُتبت صورتان
    [few] كُتبت { $count } صور
    [many] كُتبت { $count } صورة
   *[other] كُتبت { $count } صورة
} في { $path }
export-wrote-animation = كُتب { $path } ({ PLURAL($count) ->
    [zero] بلا خطوات
    [one] خطوة واحدة
    [two] خطوتان
    [few] { $count } خطوات
    [many] { $count } خطوة
   *[other] { $count } خطوة
})
export-menu-hint = يستخدم التصدير الخطوط المضمّنة ولا يحتاج إلى نافذة.

## الإعدادات

settings-title = الإعدادات
settings-language-numbers = اللغة والأرقام
settings-interface-language = لغة الواجهة
settings-language-system = لغة النظام ({ $name })
settings-months = أسماء الأشهر
settings-months-latin = مصر والخليج
settings-months-syriac = الشام والعراق
settings-months-both = كلاهما
settings-digits = الأرقام
settings-digits-latin = الأرقام اللاتينية
settings-digits-arabic = الأرقام الهندية
settings-arabic-only = تنطبق أسماء الأشهر والأرقام على الواجهة العربية.
settings-axis = محور الزمن
settings-axis-follow = اتّباع الواجهة (من اليمين إلى اليسار في العربية)
settings-axis-ltr = التواريخ الأقدم على اليسار
settings-axis-rtl = التواريخ الأقدم على اليمين
settings-example = مثال: { $date }؛ { $km } كم²

## نوافذ التطبيق ورسائله

app-notice = تنبيه
app-errors = أخطاء في مجموعة البيانات
app-errors-intro = لم تتغيّر مجموعة البيانات المعروضة. أصلح هذه المشكلات ثم افتح المجلد من جديد:
app-errors-intro-live = لم تتغيّر مجموعة البيانات المعروضة. أصلح هذه المشكلات واحفظ الملفات: يعيد العارض تحميل المجلد من تلقاء نفسه.
app-copied = نُسخ المرجع والاقتباس الحرفي للاستشهاد { $id }.
app-screenshot-saved = حُفظت صورة النافذة في { $path }
app-screenshot-failed = تعذّر حفظ لقطة النافذة
app-tour-opened = فُتحت الجولة «{ $title }» ({ PLURAL($count) ->
    [zero] بلا محطات
    [one] محطة واحدة
    [two] محطتان
    [few] { $count } محطات
    [many] { $count } محطة
   *[other] { $count } محطة
}) من { $path }.
app-tour-failed = تعذّر فتح الجولة { $path }
app-tour-args-failed = تعذّر فتح الجولة
app-tour-empty = لا محطات في الجولة «{ $title }» لعرضها.
app-bundled-failed = تعذّر تحميل مجموعة البيانات المضمّنة
app-open-failed = تعذّر فتح مجموعة البيانات في { $path }
app-watch-failed = لن تُلتقط التعديلات على { $path } تلقائيًا ({ $error })؛ استعمل { $menu } بعد الحفظ.
menu-path = «{ $menu }» ثم «{ $item }»
app-reloaded = أُعيد تحميل { $name } بعد تعديل
app-reload-has-errors = في مجموعة البيانات المعدّلة أخطاء
app-reload-errors = في مجموعة البيانات المعدّلة في { $path } أخطاء؛ تبقى آخر نسخة سليمة معروضة
app-title-presenting = { $window } — التقديم { $n }/{ $total }: { $step }
app-reader-title = قارئ المصادر — { $window }
app-drop-hint = أفلت مجلد بيانات لفتحه (أو ملف جولة لتقديمها)
settings-unreadable = تعذّرت قراءة إعداداتك المحفوظة ({ $error })؛ بدأ العارض بالإعدادات الافتراضية، وستحلّ محلّها عند إغلاقه.

## القوائم

menu-file = ملف
menu-open-dataset = فتح مجلد بيانات…
menu-open-dataset-path = فتح مجلد بيانات بإدخال المسار…
menu-open-recent = المجلدات المفتوحة مؤخرًا
menu-recent-missing = لم يعد هذا المجلد موجودًا
menu-clear-recent = مسح قائمة المجلدات المفتوحة مؤخرًا
menu-reload = إعادة تحميل مجموعة البيانات
menu-reload-bundled = مجموعة البيانات المضمّنة لا تتغيّر
menu-use-bundled = استخدام مجموعة البيانات المضمّنة
menu-save-screenshot = حفظ لقطة للنافذة…
menu-export-figure = تصدير صورة الخريطة…
menu-export-all = تصدير كل الخطوات…
menu-export-animation = تصدير الرسم المتحرك…
menu-quit = خروج
menu-present = تقديم
menu-start-presenting = بدء التقديم
menu-present-from-here = التقديم من هذه الخطوة
menu-present-autoplay = التقديم مع التشغيل التلقائي
menu-speaker-window = نافذة المتحدث أثناء التقديم
menu-tour = الجولة
menu-every-step = كل الخطوات بالترتيب
menu-tour-item = { $title } ({ PLURAL($count) ->
    [zero] بلا محطات
    [one] محطة واحدة
    [two] محطتان
    [few] { $count } محطات
    [many] { $count } محطة
   *[other] { $count } محطة
})
menu-tour-from-file = { $title } (من ملف)
menu-open-tour = فتح ملف جولة…
menu-open-tour-path = فتح ملف جولة بإدخال المسار…
menu-view = عرض
menu-time-panel = شريط الزمن
menu-step-card = بطاقة الخطوة
menu-legend = مفتاح الخريطة
menu-collapse-gaps = طيّ الفترات الهادئة على محور الزمن
menu-theme = المظهر
menu-names = أسماء الأماكن على الخريطة
menu-settings = الإعدادات…
menu-help = مساعدة
menu-shortcuts = اختصارات لوحة المفاتيح
menu-about = عن { $app }
menu-presenter-mode = وضع التقديم
menu-presenter-mode-hover = ملء الشاشة مع تعليقات بخط كبير، للعرض على الصف ({ $key })

## اختصارات لوحة المفاتيح

keys-right = السهم الأيمن
keys-left = السهم الأيسر
keys-space = مفتاح المسافة
keys-pair = { $a } / { $b }
keys-or = { $a } أو { $b }
keys-with-shift = { $key } مع { $shift }
keys-drag = السحب أو التمرير أو القرص بإصبعين
keys-double-click = النقر المزدوج على الخريطة
keys-click-place = النقر على مكان
keys-on-control = { $keys } على عنصر تحكم
keys-any = أي مفتاح أو نقرة أثناء التشغيل التلقائي
shortcut-step = الخطوة التالية / السابقة
shortcut-day = التقدم يومًا / الرجوع يومًا
shortcut-first-last = الخطوة الأولى / الأخيرة
shortcut-play = تشغيل / إيقاف مؤقت
shortcut-zoom = تكبير / تصغير
shortcut-pan = تحريك الخريطة وتكبيرها
shortcut-fit = ملاءمة الخريطة للأماكن المعنيّة
shortcut-select = تحديده وسرد الخطوات التي شملته
shortcut-clear = إلغاء التحديد
shortcut-toggle = إظهار هذه القائمة أو إخفاؤها
shortcut-find = البحث في قارئ المصادر
shortcut-screenshot = حفظ لقطة للنافذة
shortcut-quit = الخروج (يُحفظ العرض)
shortcut-tab = التنقل بين عناصر التحكم
shortcut-activate = تفعيله
shortcut-in-presenter = في وضع التقديم
shortcut-present = التقديم من المحطة الأولى / من هذه الخطوة
shortcut-next-stop = المحطة التالية (ومفتاح المسافة يستأنف التشغيل التلقائي المتوقف)
shortcut-prev-stop = المحطة السابقة
shortcut-first-last-stop = المحطة الأولى / الأخيرة
shortcut-blackout = تعتيم الشاشة ثم إعادتها
shortcut-autoplay = بدء التشغيل التلقائي أو إيقافه
shortcut-pause = إيقافه مؤقتًا
shortcut-caption-size = تكبير التعليق / تصغيره
shortcut-speaker = إظهار نافذة المتحدث أو إخفاؤها
shortcut-leave = الخروج من وضع التقديم

## حول البرنامج

about-title = عن { $app }
about-map-data = بيانات الخريطة
about-boundaries = الحدود مبسّطة وتقريبية؛ وتقع علامة كل بلدة عند إحداثياتها الحقيقية، وقد يضعها ذلك على بعد بضعة كيلومترات خارج الحدود المبسّطة لمحافظتها.
about-areas = المساحات
about-col-place = المكان
about-col-counted = المساحة المحسوبة (كم²)
about-col-inside = داخل الإقليم (كم²)
about-counted-once = تُحسب مساحة المحافظات خارج { $regions }، فلا تُحسب أي مساحة مرتين.
about-fonts = الخطوط
about-fonts-text = الخطان { $fonts }، © { $vendor }، بموجب { $license } ({ $file })، من الحزمة { $package } في توزيعة { $distribution }. وتُستعمل الخطوط المدمجة في { $toolkit } ({ $fallbacks }) احتياطًا، كلٌّ بموجب رخصته.
about-sources = المصادر
about-source = { $label } ({ $id }، الملف { $file })
about-source-untitled = المصدر { $id } (الملف { $file })
about-source-publisher = { $source } — الناشر كما ورد في النص: { $publisher }
about-written = العناوين والملخصات مكتوبة لهذا البرنامج؛ وكل خطوة مرتبطة بالمقاطع التي تستند إليها، وتُنسب الادعاءات إلى أصحابها.

## الخريطة

map-label = الخريطة
map-zoom-in = تكبير
map-zoom-out = تصغير
map-fit = ملاءمة الخريطة
map-legend = مفتاح الخريطة
map-legend-show = إظهار مفتاح الخريطة
map-legend-hide = إخفاء مفتاح الخريطة
map-context-hint = انقر بالزر الأيمن على محافظة أو إقليم لعرض مصادره.
map-sources-for = مصادر حالة { $place }
map-tooltip-hint = انقر لتحديده، وانقر بالزر الأيمن لعرض مصادره.
map-context-only = معروض للسياق؛ لا تُتتبَّع السيطرة عليه.
map-name-other = { $scheme }: { $name }
map-changed-between = ما تغيّر بين { $from } و{ $to }

## وضع التقديم

present-stop-of = المحطة { $n } من { $total }
present-autoplay-paused = التشغيل التلقائي متوقف مؤقتًا
present-blacked-out = الشاشة معتمة
present-source = المصدر: { $passage }
present-source-more = { $source } ({ PLURAL($more) ->
    [zero] دون مقاطع أخرى
    [one] ومقطع آخر
    [two] ومقطعان آخران
    [few] و{ $more } مقاطع أخرى
    [many] و{ $more } مقطعًا آخر
   *[other] و{ $more } مقطع آخر
})

## نافذة المتحدث

speaker-title = ملاحظات المتحدث
speaker-window-title = ملاحظات المتحدث — { $window }
speaker-not-presenting = لا يجري التقديم الآن. اضغط { $key } في النافذة الرئيسية للبدء.
speaker-tour-stop = { $tour } — المحطة { $n } من { $total }
speaker-elapsed = الوقت المنقضي { $time }
speaker-clock = الساعة { $time }
speaker-prev = المحطة السابقة
speaker-next = المحطة التالية
speaker-show-map = إظهار الخريطة
speaker-black-out = تعتيم الشاشة
speaker-autoplay-start = بدء التشغيل التلقائي
speaker-autoplay-pause = إيقاف التشغيل التلقائي مؤقتًا
speaker-autoplay-resume = استئناف التشغيل التلقائي
speaker-leave = الخروج من وضع التقديم
speaker-next-in = التشغيل التلقائي: المحطة التالية { PLURAL($secs) ->
    [zero] الآن
    [one] بعد ثانية واحدة
    [two] بعد ثانيتين
    [few] بعد { $secs } ثوانٍ
    [many] بعد { $secs } ثانية
   *[other] بعد { $secs } ثانية
}
speaker-no-stops = لا محطات في هذه الجولة.
speaker-now = الآن
speaker-notes = الملاحظات
speaker-no-notes = لا ملاحظات لهذه المحطة.
speaker-questions = أسئلة للصف
speaker-question = { $n }. { $text }
speaker-next-heading = التالي
speaker-end = نهاية الجولة.

## تشخيصات مجموعة البيانات. ما بين علامتي ` ` شيفرة تُكتب في الملفات كما
## هي؛ وما يأتي من برامج أخرى (قارئ TOML أو JSON أو النظام) يُعرض موسومًا
## بمصدره.

diag-error = : خطأ: { $message }
diag-help = {"  "}للإصلاح: { $help }
diag-summary = { PLURAL($count) ->
    [zero] لا أخطاء في مجموعة البيانات
    [one] في مجموعة البيانات خطأ واحد
    [two] في مجموعة البيانات خطآن
    [few] في مجموعة البيانات { $count } أخطاء
    [many] في مجموعة البيانات { $count } خطأً
   *[other] في مجموعة البيانات { $count } خطأ
}؛ لم يُحمَّل شيء منها
detail-toml = نص قارئ `TOML` بالإنجليزية: { $text }
detail-json = نص قارئ `JSON` بالإنجليزية: { $text }
detail-system = نص النظام بالإنجليزية: { $text }
detail-other = نص المكتبة بالإنجليزية: { $text }
io-not-found = لا يوجد ملف أو مجلد بهذا الاسم
io-permission-denied = لا يملك البرنامج الإذن بذلك
io-already-exists = الملف موجود من قبل
io-invalid-data = البيانات غير صالحة
io-is-a-directory = المسار مجلد لا ملف
io-not-a-directory = جزء من المسار ليس مجلدًا
io-storage-full = القرص ممتلئ
io-read-only = نظام الملفات للقراءة فقط
io-incomplete = انتهت البيانات قبل أوانها
diag-file-not-found = الملف غير موجود
diag-file-not-bundled = الملف غير موجود في مجموعة البيانات المدمجة
diag-file-unreadable = تعذّرت قراءة الملف: { $detail }
diag-data-not-folder = مسار البيانات ليس مجلدًا
diag-data-missing = مجلد البيانات غير موجود
diag-data-help = مرّر مع `--data` مجلدًا يحوي { $files } والمجلد `sources/`، أو استغنِ عن `--data` لاستعمال مجموعة البيانات المدمجة
diag-files-help = يحتاج مجلد مجموعة البيانات إلى { $files } وإلى نصوص المصادر في المجلد `sources/`
diag-not-utf8 = ليس نصًا صالحًا بترميز `UTF-8`: البايت { $byte } (عند البايت رقم { $offset }) لا يبدأ حرفًا بهذا الترميز
diag-not-utf8-help = احفظ الملف بترميز `UTF-8` (ولنص عربي بترميز `Windows-1256`: `iconv -f CP1256 -t UTF-8`)
diag-toml = في صيغة الملف خطأ؛ { $detail }
diag-toml-help = انظر `data/README.md` لمعرفة صيغة هذا الملف
diag-no-english = لا نص إنجليزيًا (`en`) في { $what }
diag-no-english-help = يحتاج كل عنوان وملخص واسم إلى نص إنجليزي على الأقل: `en = "..."`
diag-range-reversed = ينتهي نطاق التاريخ ({ $to }) قبل أن يبدأ ({ $from })
diag-range-reversed-help = بدّل بين `from` و`to`: `from` هو أول يوم ممكن
date-err-format = «{ $value }» ليس تاريخًا بالصيغة سنة-شهر-يوم `YYYY-MM-DD` (مثل 2020-11-10؛ والسنة التي تزيد على أربعة أرقام تُكتب بإشارتها، مثل `-13800000000-01-01`، حتى اثني عشر رقمًا)
date-err-month = في «{ $value }» الشهر { $month }، والأشهر من 01 إلى 12
date-err-day = «{ $value }» تاريخ غير موجود: عدد أيام { $month } { $year } هو { $days }
diag-kind-controller = الجهة المسيطرة
diag-kind-place = المكان
diag-kind-source = المصدر
diag-kind-citation = الاستشهاد
diag-kind-claim = الرواية
diag-kind-step = الخطوة
diag-kind-tour = الجولة
diag-id-invalid = معرّف { $kind } «{ $id }» غير صالح
diag-id-invalid-help = تتألف المعرّفات من حروف لاتينية صغيرة وأرقام و`-` و`_`
diag-id-twice = معرّف { $kind } «{ $id }» مستعمل مرتين
diag-id-twice-help = أعطِ كلًّا منهما معرّفًا مختلفًا
diag-no-citations = لا استشهادات في { $owner }
diag-no-citations-help = أضف معرّف استشهاد واحدًا على الأقل: لا بد أن تستند كل واقعة إلى المصادر
diag-unknown-ref = معرّف { $kind } «{ $id }» غير معروف
diag-unknown-ref-help = استعمل أحد معرّفات { $kind } المعرّفة في مجموعة البيانات، أو عرّف «{ $id }»
diag-use-one-of = استعمل واحدًا من: { $ids }
diag-no-controllers = لم تُعرَّف أي جهة مسيطرة، مع أن في `places.toml` أقضية أو أقاليم يتتبع الخط الزمني السيطرة عليها
diag-no-controllers-help = أضف إلى `dataset.toml` جداول `[[controller]]` لكل منها معرّف وأسماء
diag-what-dataset-title = عنوان مجموعة البيانات
diag-what-controller = الجهة المسيطرة «{ $id }»
diag-what-place = المكان «{ $id }»
diag-what-claim-subject = موضوع الرواية «{ $id }»
diag-what-claim-version = صيغة الرواية «{ $id }» التي قيمتها «{ $value }»
diag-what-step = الخطوة «{ $id }»
diag-what-step-title = عنوان الخطوة «{ $id }»
diag-what-step-summary = ملخص الخطوة «{ $id }»
diag-what-change = تغيّر السيطرة على «{ $place }» في الخطوة «{ $id }»
diag-what-pending = التسليم المنتظر لـ«{ $place }» في الخطوة «{ $id }»
diag-coverage-reversed = تنتهي الفترة المغطاة ({ $to }) قبل أن تبدأ ({ $from })
diag-place-kind = نوع المكان «{ $kind }» غير معروف
diag-place-kind-help = استعمل `"district"` أو `"region"` أو `"town"`
diag-centre-range = المركز (خط العرض { $lat }، خط الطول { $lon }) خارج النطاق
diag-centre-range-help = خط العرض بين -90 و90 درجة شمالًا، وخط الطول بين -180 و180 درجة شرقًا
diag-town-no-centre = لا مركز للبلدة «{ $id }»
diag-town-no-centre-help = أضف `centre = {"{"} lat = ..., lon = ... {"}"}`
diag-passage-missing = هذا النص لا يرد حرفيًا في المصدر «{ $source }»
diag-passage-missing-help = انسخ الكلمات من ملف المصدر كما هي تمامًا، بعلامات الترقيم والمسافات
diag-source-path = ملف المصدر «{ $file }» ليس مسارًا بسيطًا داخل `sources/`
diag-source-path-help = اذكر اسم ملف في المجلد `sources/` لمجموعة البيانات، مثل `"article.txt"`
diag-source-unreadable = المصدر «{ $id }»: { $file }: { $reason }
diag-source-unreadable-help = ضع النص في المجلد `sources/` أو صحّح `file`
diag-source-sha = المصدر «{ $id }»: بصمة `SHA-256` للملف { $file } هي { $sum }، لا البصمة المسجّلة
diag-source-sha-help = يجب أن تبقى نصوص المصادر كما وصلت بايتًا بايتًا: أعد الملف الأصلي، أو سجّل البصمة الجديدة إن كان التغيير مقصودًا
diag-direction = اتجاه الكتابة «{ $value }» غير معروف
diag-direction-help = استعمل `"rtl"` أو `"ltr"`
diag-citation-source = الاستشهاد «{ $id }»: معرّف المصدر «{ $source }» غير معروف
diag-citation-negative = الاستشهاد «{ $id }»: الموضع { $offset } سالب
diag-citation-negative-help = تُعدّ المواضع بالحروف ابتداءً من 0 في أول الملف
diag-citation-elsewhere = الاستشهاد «{ $id }»: الاقتباس موجود في المصدر «{ $source }» عند الحرف رقم { $actual } لا { $offset }
diag-citation-elsewhere-help = اجعل `offset = { $actual }`
diag-citation-missing = الاستشهاد «{ $id }»: الاقتباس لا يرد حرفيًا في المصدر «{ $source }» ({ $file })؛ أقرب مقطع إليه يبدأ في السطر { $line }، العمود { $column }: { $difference }
diag-citation-missing-help = انسخ الاقتباس من ملف المصدر كما هو تمامًا، دون إعادة كتابته أو توحيد حروفه أو تصحيحه
quote-mismatch = عدد الحروف المتطابقة في البداية { $matched }؛ ثم في المصدر { $source } حيث في الاقتباس { $quote }
quote-char = «{ $char }» ({ $code })
quote-end-of-text = نهاية النص
diag-claim-kind = الرواية «{ $id }»: النوع «{ $kind }» غير معروف
diag-claim-kind-help = استعمل `"date"` أو `"number"` أو `"text"`
diag-claim-date = الرواية «{ $id }»: { $reason }
diag-claim-date-help = قيم روايات التاريخ بالصيغة `"YYYY-MM-DD"`
diag-claim-no-versions = لا صيغ للرواية «{ $id }»
diag-claim-no-versions-help = أضف جداول `[[claim.version]]`
diag-claim-undisputed = الرواية «{ $id }»: تذكر صيغها تواريخ مختلفة ({ $dates }) مع أن `disputed = false`
diag-claim-undisputed-help = اجعل `disputed = true`: على البرنامج أن يُظهر كل خلاف بين المصادر
diag-claim-one-version = الرواية «{ $id }» موسومة بأنها موضع خلاف لكن لها صيغة واحدة
diag-claim-one-version-help = أضف الصيغة الأخرى مع استشهادها، أو اجعل `disputed = false`
diag-weekday-range = الخطوة «{ $id }»: لا يمكن التحقق من يوم الأسبوع إلا مع تاريخ يوم واحد
diag-weekday-range-help = احذف `weekday` أو اذكر تاريخ يوم واحد
diag-weekday = الخطوة «{ $id }»: يوافق { $date } يوم `{ $actual }` لا `{ $given }`
diag-weekday-help = المصدر يذكر يوم الأسبوع: استخرج التاريخ منه من جديد
diag-step-order = الخطوة «{ $id }» ({ $date }) تأتي بعد الخطوة «{ $previous }» ({ $prevdate }) لكنها أسبق منها
diag-step-order-help = رتّب الخطوات ترتيبًا زمنيًا
diag-step-controller = الخطوة «{ $id }»: الجهة المسيطرة «{ $controller }» غير معروفة
diag-deadline-kind = الخطوة «{ $id }»: رواية الموعد النهائي «{ $claim }» ليست رواية تاريخ
diag-deadline-kind-help = اجعل `kind = "date"` في الرواية
diag-deadline-unknown = الخطوة «{ $id }»: معرّف الرواية «{ $claim }» غير معروف
diag-deadline-unknown-help = عرّف الموعد النهائي في جدول `[[claim]]` من النوع `"date"`
diag-no-steps = لا خطوات في الخط الزمني
diag-no-steps-help = أضف جداول `[[step]]`
diag-extent-range = `{ $name } = { $value }` خارج النطاق من -{ $limit } إلى { $limit }
diag-extent-order = يجب أن يكون `{ $low }` ({ $lowvalue }) أصغر من `{ $high }` ({ $highvalue })
diag-extent = الخطوة «{ $id }»: حدود العرض غير صالحة: { $problems }
diag-extent-help = `extent = {"{"} west = lon, south = lat, east = lon, north = lat {"}"}` بالدرجات (`WGS84`): خطوط الطول من -180 إلى 180 شرقًا، ودوائر العرض من -90 إلى 90 شمالًا، و`west < east` و`south < north`
diag-tour-path = ملف الجولة «{ $file }» ليس مسارًا نسبيًا بسيطًا إلى ملف `.toml` داخل مجلد مجموعة البيانات
diag-tour-path-help = اكتب مثلًا `tours = ["tours/handovers.toml"]`: دون `..` ودون مسارات مطلقة أو شرطات مائلة عكسية
diag-tour-reserved = معرّف الجولة «{ $id }» محجوز للجولة المدمجة التي تمر بكل الخطوات
diag-tour-reserved-help = غيّر اسم الملف
diag-tour-unreadable = ملف الجولة { $file }: { $reason }
diag-tour-unreadable-help = أنشئ الملف (انظر «الجولات» في `data/README.md`)، أو احذفه من `tours`
diag-step-place = الخطوة «{ $id }»: معرّف المكان «{ $place }» غير معروف
diag-step-place-help = استعمل معرّف قضاء أو إقليم من `places.toml`: { $ids }
diag-never-controlled = لا تُسند السيطرة على المكان «{ $id }» إلى أي جهة، فحاله غير محددة
diag-never-controlled-help = أضف له تغيّرًا في الخطوة الأولى (خطوة الأساس)
diag-undefined-start = حال المكان «{ $id }» غير محددة من { $from } (بداية الفترة المغطاة) حتى { $until } (الخطوة «{ $step }»)
diag-undefined-start-help = أسند السيطرة عليه في خطوة الأساس، بتاريخ يوافق بداية الفترة المغطاة أو يسبقها
diag-overlap = المكان «{ $id }»: التغيّر في الخطوة «{ $step }» ({ $when }) يتداخل مع التغيّر في الخطوة «{ $previous }» ({ $prevwhen })
diag-overlap-help = يجب أن تتعاقب تغيّرات المكان الواحد دون تداخل؛ راجع التواريخ
diag-after-open-end = المكان «{ $id }»: التغيّر في الخطوة «{ $step }» ({ $when }) يأتي بعد التغيّر في الخطوة «{ $previous }» ({ $prevwhen })، وهو تغيّر بلا نهاية
diag-after-open-end-help = نهاية التغيّر الأسبق مفتوحة، فلا يمكن معرفة ترتيب التغيّرين: أعطِ التغيّر الأسبق تاريخ نهاية (فترة مثل `"2020-09-27/2020-11-10"`)، أو احذف التغيّر اللاحق
diag-step-open-end = الخطوة «{ $id }» مؤرَّخة { $date } بلا نهاية، فلا يمكن وضعها على الخط الزمني
diag-step-open-end-help = أرِّخ الخطوة بوقت ورود الخبر، وأعطِ التغيّر الذي لا يُعرف يومه تاريخه الخاص: `when = "2020-09-27/.."`
diag-repeat = المكان «{ $id }»: الخطوة «{ $step }» تسنده إلى «{ $to }» وهي تسيطر عليه منذ الخطوة «{ $previous }»
diag-repeat-help = احذف التغيّر المكرر، أو صحّح `to`
diag-alias = المكان «{ $id }»: الاسم البديل «{ $alias }» لا يرد في أي مصدر بلغة «{ $lang }»
diag-alias-help = الأسماء البديلة تسجّل كتابات وردت في المصادر؛ انسخها من نص مصدر
diag-shape-area = مساحة
diag-shape-lines = خطوط
diag-shape-point = نقطة
diag-feature-shape = يجب أن يكون المعلم «{ $id }» مضلعًا من النوع `{ $kind }` ليوافق `places.toml`، لكنه من النوع `{ $actual }` وشكله { $shape }
diag-map-import-help = أعد تشغيل استيراد الخريطة (`data/README.md`)
diag-feature-missing = لا معلم بالمعرّف «{ $id }» في الخريطة، مع أن `places.toml` يتتبعه
diag-feature-missing-help = أضف مضلعه إلى `map.geojson` (أعد تشغيل استيراد الخريطة)، أو صحّح المعرّف
geo-json-invalid = الملف ليس نصًا صالحًا بصيغة `JSON`؛ { $detail }
geo-json-invalid-help = صحّح صياغة `JSON`، أو أعد تشغيل استيراد الخريطة (`data/README.md`)
geo-not-collection = المتوقع مجموعة معالم `GeoJSON` (`FeatureCollection`) فيها مصفوفة `"features"`
geo-id-twice = المعلم رقم { $index }: المعرّف «{ $id }» مستعمل مرتين
geo-feature = المعلم رقم { $index }: { $problem }
geo-feature-id = المعلم رقم { $index } (المعرّف «{ $id }»): { $problem }
geo-no-properties = لا كائن `"properties"` فيه
geo-property-text = يجب أن تكون الخاصية `"{ $key }"` نصًا غير فارغ
geo-names-object = يجب أن تكون الخاصية `"names"` كائنًا يربط كل لغة باسم
geo-name-text = يجب أن يكون `names.{ $lang }` نصًا
geo-name-en-missing = `names.en` غير موجود
geo-no-geometry = لا `"geometry"` فيه
geo-no-type = لا `"type"` في الشكل الهندسي
geo-no-coordinates = لا `"coordinates"` في الشكل الهندسي
geo-type-unsupported = نوع الشكل الهندسي `"{ $type }"` غير مدعوم
geo-coordinates-arrays = يجب أن تكون الإحداثيات مصفوفات
geo-position-numbers = يجب أن يكون الموضع عددين `[longitude, latitude]`
geo-position-range = الموضع [{ $lon }، { $lat }] خارج النطاق (خط الطول أولًا ثم خط العرض، بالدرجات)
geo-line-short = يحتاج الخط إلى موضعين على الأقل
geo-polygon-empty = يحتاج المضلع إلى حلقة خارجية
geo-ring-open = يجب أن تكون كل حلقة في المضلع مغلقة (أول موضع يساوي آخر موضع) وأن تضم أربعة مواضع على الأقل
tour-format-help = انظر «الجولات» في `data/README.md` لمعرفة صيغة ملف الجولة
tour-is-folder = المسار مجلد لا ملف جولة
tour-is-folder-help = اذكر مسار ملف جولة `.toml` (انظر «الجولات» في `data/README.md`)
tour-not-found = ملف الجولة غير موجود
tour-unreadable = تعذّرت قراءة ملف الجولة: { $detail }
tour-not-found-help = تحقق من المسار (يبدأ المسار النسبي من المجلد الحالي)؛ والأمر `karabakh-atlas tours` يسرد جولات مجموعة البيانات
tour-step-not-shown = `--step { $step }`: الجولة «{ $id }» لا تعرض الخطوة { $step }؛ بل تعرض الخطوات { $shown }
tour-step-not-shown-help = اختر إحدى هذه الخطوات مع `--step`، أو استغنِ عن `--step` لتبدأ من أول محطة في الجولة
tour-what-title = عنوان الجولة
tour-what-description = وصف الجولة
tour-what-hold = مدة التوقف في الجولة
tour-what-stop-hold = مدة التوقف في المحطة { $n }
tour-what-stop-notes = ملاحظات المحطة { $n }
tour-what-stop-question = السؤال { $question } في المحطة { $n }
tour-no-stops = لا محطات في الجولة
tour-no-stops-help = أضف جدول `[[stop]]` واحدًا على الأقل فيه `step = "<a step id>"`؛ والأمر `karabakh-atlas steps` يسرد معرّفات الخطوات
tour-no-english-help = اكتبه هكذا `{"{"} en = "...", ar = "..." {"}"}`: الإنجليزية مطلوبة وسائر اللغات اختيارية
tour-hold-nan = { $what } هي { $value }، وليست عددًا من الثواني
tour-hold-zero = { $what } هي { $value } ثانية؛ ويجب أن تزيد على 0
tour-hold-long = { $what } هي { $value } ثانية، وهذا أكثر من الحد الأقصى { $limit } (عشر دقائق)
tour-hold-help = مدة التوقف هي عدد الثواني التي يبقى فيها العرض التلقائي على المحطة: عدد أكبر من 0 ولا يزيد على { $limit }، مثل `hold = 10`
tour-step-unknown = معرّف الخطوة «{ $id }» غير معروف
tour-step-unknown-guess = هل تقصد «{ $guess }»؟ الأمر `karabakh-atlas steps` يسرد معرّفات الخطوات (مع `--data DIR` لمجموعة بيانات أخرى)
tour-step-unknown-help = الأمر `karabakh-atlas steps` يسرد معرّفات الخطوات (مع `--data DIR` لمجموعة بيانات أخرى)
# مستورد TimelineJS أمر في سطر الأوامر، وتقاريره بالإنجليزية.
import-text = { $text }

## إخفاق التصدير في العارض

export-err-exists = { $path }: الملف موجود من قبل؛ اختر مسارًا آخر، أو اسمح بالكتابة فوقه
export-err-no-folder = { $path }: المجلد { $folder } غير موجود أو ليس مجلدًا؛ أنشئه أو اختر مسارًا آخر
export-err-is-folder = { $path }: هذا مجلد؛ اكتب اسم ملف مثل `map.png`
export-err-not-folder = { $path }: هذا ليس مجلدًا؛ تصدير ملف لكل خطوة يحتاج إلى مجلد (يُنشأ إن لم يكن موجودًا)
export-err-io = تعذّر { $action } { $path }: { $detail }؛ تحقق من أن المجلد موجود وتجوز الكتابة فيه
export-action-create = إنشاء
export-action-write = الكتابة في
export-action-rename = إعادة التسمية إلى
export-action-create-folder = إنشاء المجلد
export-action-move-aside = نقل
export-err-size = لا يمكن إنشاء صورة مقاسها { $width }×{ $height } بكسل: يجب أن يكون كل ضلع من { $min } إلى { $max } بكسل؛ اختر مقاسًا أصغر أو دقة أقل
export-err-dpi = الدقة { $dpi } نقطة في البوصة خارج النطاق: استعمل دقة من 72 إلى 1200 (والمعتاد للطباعة 300)
export-err-hold = مدة التوقف { $secs } ثانية لكل خطوة خارج النطاق: استعمل من 0.2 إلى 60 ثانية
export-err-no-steps = لا خطوات في مجموعة البيانات، فلا شيء يُصدَّر لكل خطوة
export-err-no-such-step = الخطوة { $index } غير موجودة: في مجموعة البيانات { $count } خطوة (من 1 إلى { $count })
export-err-render = تعذّر رسم الصورة: { $detail } (هذا خلل في البرنامج؛ نرجو الإبلاغ عنه)
export-err-encode = تعذّر ترميز ملف { $format }: { $detail }
export-err-cancelled = أُلغي التصدير؛ لم يُكتب شيء

diag-name-key-not-tag = للمكان «{ $id }» اسم تحت المفتاح «{ $key }»، وهو ليس وسم لغة
diag-name-key-not-tag-help = مفاتيح الأسماء وسوم لغات مثل `en` أو `az` أو `hy-Latn`: حروف وأرقام في أجزاء من حرف واحد إلى ثمانية أحرف يصل بينها `-`
diag-naming-not-tag = قيمة `lang` «{ $tag }» في `[[naming]]` ليست وسم لغة
diag-naming-not-tag-help = اكتب مفتاحًا من مفاتيح جداول `names` للأماكن، مثل `"az"` أو `"hy-Latn"`
diag-naming-twice = اللغة «{ $tag }» معلنة مرتين في `[[naming]]`
diag-naming-twice-help = أبقِ جدول `[[naming]]` واحدًا لكل لغة
diag-naming-unused = لا يحمل أي مكان اسمًا باللغة «{ $tag }»
diag-naming-unused-help = أضف `names.{ $tag }` إلى الأماكن في `places.toml`، أو احذف جدول `[[naming]]` هذا
diag-naming-undeclared = للمكان «{ $id }» اسم باللغة «{ $tag }»، لكن `dataset.toml` لا يعلن `[[naming]]` لـ«{ $tag }»
diag-naming-undeclared-help = أضف إلى `dataset.toml` جدول `[[naming]]` فيه `lang = "{ $tag }"` وتسمية، أو احذف `names.{ $tag }`
diag-what-naming-label = تسمية مجموعة الأسماء «{ $tag }»
diag-own-words-no-english-help = اكتب نصًا عاديًا (بالإنجليزية)، أو جدولًا فيه على الأقل `en = "..."`، مثل `{ "{" } en = "...", ar = "..." { "}" }`
diag-what-source-gloss = شرح في المصدر «{ $id }»
diag-what-source-label = تسمية المصدر «{ $id }»
diag-what-source-note = ملاحظة المصدر «{ $id }»
diag-what-citation-speaker = قائل الاقتباس «{ $id }»
diag-what-citation-gloss = شرح الاقتباس «{ $id }»
diag-what-claim-value = قيمة الرواية «{ $id }»
diag-what-claim-note = ملاحظة الرواية «{ $id }»
diag-what-according-to = مصدر صيغة الرواية «{ $id }» التي قيمتها «{ $value }» (`according_to`)
diag-what-step-date-note = ملاحظة تاريخ الخطوة «{ $id }»
diag-claim-date-table = الرواية «{ $id }»: قيمة رواية من نوع التاريخ مكتوبة جدولًا حسب اللغة
diag-claim-date-table-help = تأخذ روايات التاريخ نصًا واحدًا بصيغة `"YYYY-MM-DD"`: يكتب العارض التاريخ بكل لغة

cite-quote = «{ $quote }»
cite-source = — { $label } [{ $id }؛ الملف { $file }، السطر { $line }، المحارف { $from }–{ $to }]
cite-publisher = الناشر كما طُبع: { $text }
cite-dateline = سطر التاريخ كما طُبع: { $text }
cite-page-date = تاريخ الصفحة كما طُبع: { $text }
cite-speaker = القائل: { $text }
cite-gloss = الشرح: { $text }
cite-steps = مستشهد به في { $app }: { $text }
cite-step = الخطوة { $n } ({ $date }، { $title })

# No internal ids before the audience (issue 16, point 3): sources named by
# title, publisher and date, passages by paragraph; {source:ID} references
# in the dataset's own words.
cite-passage-label = { $title }، الفقرة { $paragraph }
cite-paragraph = الفقرة { $paragraph }
cite-credit = { $title } — { $by }
diag-ref-malformed = في { $what } قوس لا يبدأ إحالة: «{ $found }»
diag-ref-malformed-help = أشِر إلى المصدر بالصيغة `{"{"}source:ID{"}"}` مع معرّفه في `sources.toml`، واكتب `{"{{"}` لقوس مقصود
diag-ref-unknown-source = يحيل { $what } إلى المصدر «{ $id }»، وهو غير معرَّف في `sources.toml`
diag-ref-unknown-source-help = أشِر إلى المصدر بالصيغة `{"{"}source:ID{"}"}` مع أحد المعرّفات المعرَّفة في `sources.toml`: { $ids }
fig-paragraphs = { PLURAL($count) ->
    [one] الفقرة
   *[other] الفقرات
} { $list }

# Base layer (issue 16: the map has no end)
geo-base-not-area = لا تضم طبقة الأساس ({ $file }) إلا مضلعات اليابسة؛ احذف هذا العنصر أو اجعله مضلعًا أو مجموعة مضلعات

# Teaching outputs (issue #20): the PDF handout's words.
handout-period = الفترة المشمولة: { $range }
handout-tour = الجولة: { $title }
handout-sources = المصادر
handout-source-publisher = الناشر كما طُبع: { $publisher }
handout-source-no-publisher = لا يرد اسم ناشر.
handout-source-date = التاريخ كما طُبع: { $date }
handout-source-no-date = لا يرد تاريخ مطبوع.
handout-source-sha = البصمة الرقمية للملف: { $sum }
handout-map-credit = الخريطة: { $credit }
handout-bookmark = { $n }. { $title }
handout-stop = المحطة { $n } من { $total }
handout-passages = المقاطع المستشهد بها
handout-speaker = القائل: { $speaker }
handout-where = في «{ $source }»، السطر { $line }
handout-questions = أسئلة
handout-question = { $n }. { $question }
handout-notes = ملاحظات المعلّم
handout-page = الصفحة { $n } من { $total }
# Teaching outputs (issue #20): the viewer's File menu.
menu-export-handout = تصدير نشرة للطباعة…
menu-export-video = تصدير فيديو…
files-export-handout = تصدير نشرة للطباعة
files-export-video = تصدير فيديو
export-job-handout = النشرة إلى { $path }
export-job-video = الفيديو إلى { $path }
## Dates: EDTF, BCE, uncertain and approximate (issue #21)
date-year-bce = { $year } ق.م
date-qualified-uncertain = { $date } (غير مؤكد)
date-qualified-approximate = { $date } (تقريبي)
date-qualified-both = { $date } (تقريبي، غير مؤكد)
edtf-err-syntax = «{ $value }» ليس تاريخًا تقرؤه هذه الأداة: اكتب اليوم `YYYY-MM-DD`، أو الشهر `YYYY-MM`، أو السنة `YYYY` (و`-0330` لسنة 331 ق.م)، أو فترة مثل `2020-09-27/2020-11-10`، مع `?` (غير مؤكد) أو `~` (تقريبي) أو `%` (كلاهما) بعد التاريخ عند الحاجة (المستويان 0 و1 من `EDTF`)
edtf-err-year = «{ $value }» يذكر السنة { $year }؛ والتواريخ الممكنة من السنة -999999999999 إلى 999999999999
edtf-err-reversed = «{ $value }» ينتهي قبل أن يبدأ: ضع التاريخ الأسبق قبل الشرطة المائلة
edtf-err-unspecified = «{ $value }» فيه أرقام غير محددة (`X`) لا تدل على أيام متتالية: لا يكون `X` إلا في آخر أرقام الجزء، وكل جزء بعده يكون عندئذ `XX`
edtf-err-season = «{ $value }» فصل من فصول السنة (الرمز { $season })؛ والفصول لا تُحفظ لأن أشهرها تختلف باختلاف نصف الكرة: اكتب الأشهر فترةً مثل `2020-03/2020-05`
edtf-err-time = «{ $value }» فيه وقت من اليوم؛ والتواريخ تُحفظ باليوم: اكتب اليوم وحده مثل `2020-11-10`
edtf-err-level2 = «{ $value }» يستعمل المستوى 2 من `EDTF` (المجموعات، أو التأهيل داخل التاريخ، أو الأرقام المعنوية، أو الأسس)، وهو غير مقروء: اكتب تاريخًا أو فترة من المستوى 0 أو 1
edtf-help = اكتب اليوم هكذا `"YYYY-MM-DD"` (والسنوات قبل الميلاد بعلامة ناقص بالترقيم الفلكي: `"-0330-10-01"` هو 1 أكتوبر 331 ق.م)، والشهر `"YYYY-MM"`، والسنة `"YYYY"`، والفترة `"2020-09-27/2020-11-10"` أو `"../2020-11-10"`، والتغيّر الذي وقع في يوم ما ابتداءً من يوم معيّن ولا تذكر المصادر يومه `"2020-09-27/.."` (المستويان 0 و1 من `EDTF`، مع `?` أو `~` أو `%` بعد التاريخ الذي لا تجزم به المصادر أو تذكره تقريبًا)؛ أو جدولًا `{"{"} from = "…", to = "…" {"}"}` أو `{"{"} before = "…" {"}"}` أو `{"{"} after = "…" {"}"}`
time-gap-years = { PLURAL($years) ->
    [zero] أقل من سنة
    [one] نحو سنة
    [two] نحو سنتين
    [few] نحو { $years } سنوات
    [many] نحو { $years } سنة
   *[other] نحو { $years } سنة
}

## Evidence (issue 18): reported, claimed, inferred; whole or part

legend-claimed = ادعاء طرف لا يرويه نص بصوته: نقاط
legend-inferred = استنتاج مما تقوله المصادر، لا تصرح به: شرطات
legend-part = جزء من مكان تسيطر عليه { $name }: تعبئة أفتح وخطوط قائمة
legend-not-reported = سيطرة مدعاة أو مستنتجة، تظهر مجهولة: السيطرة المروية فقط
evidence-claimed = بحسب { $party }
evidence-inferred = استنتاج: { $note }
evidence-inferred-brief = استنتاج من المصادر
evidence-part-brief = السيطرة على جزء منه فقط
evidence-part = جزء من { $place } فقط
evidence-unknown = تظهر مجهولة: لا يروي أي نص هذه السيطرة بصوته.
evidence-pending = التسليم { $words }
menu-reported-only = السيطرة المروية فقط
fig-evidence = على ماذا تستند المصادر: { $list }.
fig-evidence-item = { $place }: { $words }
diag-basis-unknown = { $owner }: الأساس «{ $basis }» غير معروف
diag-basis-unknown-help = استعمل `"reported"` (يرويه نص بصوته) أو `"claimed"` (يقوله طرف) أو `"inferred"` (يُستنتج مما تقوله المصادر)
diag-reach-unknown = { $owner }: النطاق «{ $extent }» غير معروف
diag-reach-unknown-help = استعمل `"whole"` (المكان كله) أو `"part"` (جزء منه)، كما تقول المصادر
diag-claimed-no-party = { $owner } ادعاء لكنه لا يسمّي طرفًا
diag-claimed-no-party-help = أضف `claimed_by` بمعرّف الجهة المسيطرة التي تدّعي ذلك؛ { $ids }
diag-claimed-unknown-party = { $owner }: يسمّي `claimed_by` الطرف «{ $party }»، وهو ليس جهة مسيطرة في مجموعة البيانات
diag-claimed-no-citation = { $owner } ادعاء لكنه لا يستشهد بمقطع من الادعاء
diag-claimed-no-citation-help = أضف `claim_citations = ["..."]` بمعرّف الاستشهاد الذي يقول فيه الطرف ذلك
diag-claim-fields-not-claimed = { $owner }: الحقل { $field } موجود لكن الأساس «{ $basis }»
diag-claim-fields-not-claimed-help = اجعل `basis = "claimed"`، أو احذف { $field }
diag-inferred-no-note = { $owner } استنتاج لكن لا `basis_note` له
diag-inferred-no-note-help = أضف `basis_note` يشرح كيف يُستنتج ذلك من المصادر
diag-what-basis-note = ملاحظة أساس { $owner }

## Handout: one page per stop, and tagging for accessibility (issue #20)
handout-continued = { $stop } (تتمة)
handout-alt = خريطة بتاريخ { $date }. { $states }
handout-alt-held = تحت سيطرة { $who }: { $places }.
handout-alt-changing = تنتقل إلى { $who } { $when }: { $places }.
handout-alt-pending = اتُّفق على تسليمها إلى { $who } ولم يُنفَّذ التسليم بعد: { $places }.
handout-alt-none = لا حالة بعد لأي مكان متتبَّع في هذا التاريخ.
handout-speaker-where = { $speaker }؛ { $where }

## Accessible map (places as accessible nodes, keyboard, announcements,
## reduce motion, the table of places)
access-place = { $place }: { $state }
access-sentence-separator = { ". " }
access-step = الخطوة { $n } من { $count }: { $title }. { $changes }
keys-in-map = مفاتيح الأسهم في الخريطة
shortcut-step-anywhere = الخطوة التالية / السابقة، في الخريطة أيضًا
shortcut-map-arrows = الانتقال إلى أقرب مكان في ذلك الاتجاه؛ { $enter } يحدّده و{ $esc } يغادر الخريطة
shortcut-table = إظهار جدول الأماكن أو إخفاؤه
menu-table = جدول الأماكن
menu-reduce-motion = تقليل الحركة
table-title = الأماكن في { $date }
table-place = المكان
table-controller = تحت سيطرة
table-since = منذ
table-pending = تسليم معلّق
table-none = لا يوجد
table-pending-to = إلى { $who }
table-pending-deadlines = إلى { $who }، { $deadlines }
settings-motion = الحركة
settings-motion-system = اتباع النظام ({ $state })
settings-motion-system-reduced = حركة مقلّلة
settings-motion-system-full = حركة كاملة، أو تعذّرت قراءته
settings-motion-reduce = تقليل الحركة: بلا تحليق للخريطة ولا نبض ولا تلاشٍ للألوان
settings-motion-full = حركة كاملة
