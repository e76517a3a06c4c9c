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
names-en = الإنجليزية
names-az = الأذربيجانية
names-ar = العربية
names-hy = الأسماء لدى الجانب الأرمني

## مفتاح الخريطة

legend-controlled-by = تحت سيطرة { $name }
legend-handover-agreed = تسليم متفق عليه لم يُنفَّذ بعد (الخطوط: لمن)
legend-changing-undated = انتقال السيطرة في يوم لا تذكره المصادر
legend-boundary-of = حدود { $name }
legend-neighbouring-areas = مناطق مجاورة (للسياق)
legend-neighbouring-countries = دول مجاورة (للسياق)

## الأشكال المصدّرة

fig-key = مفتاح الخريطة
fig-km = { $km } كم
fig-attribution = أُعدّت باستخدام Natural Earth. بيانات خرائط متجهية ونقطية مجانية @ naturalearthdata.com.
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
