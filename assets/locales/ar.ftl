# نصوص الواجهة العربية (العربية الفصحى المعاصرة). لكل مفتاح هنا نظير في
# en.ftl بالمتغيرات نفسها. صيغ الجمع وفق CLDR: zero وone وtwo وfew وmany
# وother.

## القوائم

list-separator = {"، "}
list-group-separator = {"؛ "}

## التواريخ

date-before = قبل { $date }
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
fig-source-item = «{ $label }» ({ $id }، الملف { $file }): { $citations }
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
state-changing = تنتقل إلى { $who } { $when }؛ لا تذكر المصادر اليوم.
state-handover-agreed = اتُّفق على تسليمها إلى { $who }، ولم يُنفَّذ التسليم بعد.
state-deadline = الموعد النهائي { $date } ({ $countdown })، بحسب { $who }
state-deadline-disputed = تختلف المصادر في هذا الموعد.
state-area = المساحة: { $km } كم²
state-area-outside = المساحة: { $km } كم² خارج حدود الإقليم السابق لعام 1991 (و{ $inside } كم² داخلها، محسوبة ضمنه)
state-area-note = محسوبة من حدود الخريطة المبسّطة
area-note = حُسبت المساحات من حدود الخريطة المبسّطة (حساب جيوديسي) وتُعرض مقرّبة إلى أقرب 1 كم²؛ وهي تختلف عن الأرقام الرسمية.

## بطاقة الخطوة

card-no-step = لا توجد خطوة بعد في هذا التاريخ.
card-clear-selection = إلغاء التحديد
card-name-ours = { $scheme }: لم يرد هذا الاسم في نصوص المصادر؛ الاسم من وضعنا.
card-passages = المقاطع:
card-open-in-reader = افتح في القارئ: { $id }
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
card-claim-agreed = المصادر متفقة: { $subject }
card-claim-version = { $value } — بحسب { $who }
card-cite-line = [{ $source }، السطر { $line }]
card-sources-title = المصادر ({ PLURAL($count) ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
    [many] { $count } مقطعًا
   *[other] { $count } مقطع
})
card-open-reader-button = افتح في القارئ
card-copy-label = نسخ المرجع: { $id }
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
reader-match-label = نتيجة في { $source } عند البايت { $byte }
reader-cited-passage = مقطع مستشهد به { $id }، الخطوة { $steps }
reader-click-hint = انقر للانتقال إلى الخطوة، أو انقر بالزر الأيمن لنسخ المرجع.
reader-copy-menu = نسخ المرجع والاقتباس
reader-place = مكان: { $name }
reader-place-hover = { $name } — انقر لتحديده على الخريطة
reader-disputed = رواية موضع خلاف: { $subject }
reader-disputed-hover = { $label }. انقر للمقارنة بين الروايات.
reader-compare-title = مقارنة: { $subject }
reader-disagree = تختلف المصادر في هذا.
reader-cite-at = { $source } (السطر { $line })
reader-open-cite = فتح { $id }

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
about-counted-once = تُحسب مساحة المحافظات خارج حدود الإقليم لعام 1991، فلا تُحسب أي مساحة مرتين.
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
present-source = المصدر: { $label } — { $file }، السطر { $line }
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
