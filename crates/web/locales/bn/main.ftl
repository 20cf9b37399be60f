# Awaits review by a native speaker.
# Pelita — বাংলা (bn), Bengali script, NFC.
# Note: under CLDR plural rules for Bangla, [one] also covers 0, so both
# variants of mywork-count use { $count }.
app-name = Pelita
skip-to-content = মূল বিষয়বস্তুতে যান
translation-note = এই অনুবাদটি একজন মাতৃভাষী ব্যক্তির পর্যালোচনার অপেক্ষায় রয়েছে।
language = ভাষা
nav-my-work = আমার কাজ
nav-register = শিশু নিবন্ধন
nav-search = অনুসন্ধান
nav-admin = প্রশাসন
nav-audit = অডিট ও অ্যাক্সেস লগ
nav-profile = প্রোফাইল
sign-out = সাইন আউট
demo-banner = প্রদর্শনের জন্য নমুনা তথ্য। দ্বিতীয় ধাপের সাইন-ইন বন্ধ রাখা হয়েছে।

## সাইন ইন
signin-title = সাইন ইন
username = ব্যবহারকারীর নাম
password = পাসওয়ার্ড
signin-button = সাইন ইন করুন
signin-failed = ব্যবহারকারীর নাম বা পাসওয়ার্ড সঠিক নয়, অথবা বারবার চেষ্টার পর অ্যাকাউন্টটি কয়েক মিনিটের জন্য লক করা হয়েছে।
session-expired = আপনার সেশন শেষ হয়েছে। অনুগ্রহ করে আবার সাইন ইন করুন।
totp-title = দ্বিতীয় ধাপ
totp-code = আপনার অথেন্টিকেটর অ্যাপের ছয় অঙ্কের কোড
totp-verify = যাচাই করুন
totp-failed = কোডটি সঠিক নয় অথবা আগেই ব্যবহার করা হয়েছে।
totp-enrol-title = আপনার অথেন্টিকেটর অ্যাপ সেট আপ করুন
totp-enrol-help = একটি অথেন্টিকেটর অ্যাপ দিয়ে এই কোডটি স্ক্যান করুন, অথবা নিচের কী-টি টাইপ করুন, তারপর অ্যাপে দেখানো ছয় অঙ্কের কোডটি লিখুন।
totp-secret = কী
totp-enrolled = আপনার অথেন্টিকেটর অ্যাপ সেট আপ করা হয়েছে।

## আমার কাজ
mywork-title = আমার কাজ
mywork-empty = আপনার দায়িত্বে কোনো কেস নেই।
mywork-count = { $count ->
    [one] আপনার দায়িত্বে { $count }টি কেস রয়েছে।
   *[other] আপনার দায়িত্বে { $count }টি কেস রয়েছে।
}
col-reference = রেফারেন্স
col-child = শিশু
col-age = বয়স
col-status = অবস্থা
col-priority = অগ্রাধিকার
col-updated = হালনাগাদ

## নিবন্ধন
register-title = শিশু নিবন্ধন
register-intro = সংরক্ষণের আগে Pelita একই রকম নামের যেসব শিশু ইতিমধ্যে নথিভুক্ত আছে তাদের দেখায়, যাতে একই শিশুকে দুবার নিবন্ধন করা না হয়।
given-name = নিজ নাম
family-name = পারিবারিক নাম
family-name-hint = শিশুর পারিবারিক নাম না থাকলে খালি রাখুন।
latin-transliteration = ল্যাটিন (ইংরেজি) অক্ষরে (ঐচ্ছিক)
alias = অন্য নাম বা ছদ্মনাম (ঐচ্ছিক)
sex = লিঙ্গ
sex-female = মেয়ে
sex-male = ছেলে
sex-other = অন্যান্য
sex-not_recorded = লিপিবদ্ধ করা হয়নি
birth = জন্মতারিখ
birth-precision = জন্মতারিখ কতটা নিশ্চিতভাবে জানা আছে?
precision-exact = সঠিক তারিখ
precision-month = মাস ও বছর
precision-year = শুধু বছর
precision-estimated = আনুমানিক বয়স
precision-unknown = অজানা
birth-date = তারিখ
birth-year = বছর
birth-month = মাস
estimated-age = আনুমানিক বয়স (বছর)
estimated-margin = কমবেশি (বছর)
evidence = জন্মতারিখের উৎস
evidence-document = নথি
evidence-assessment = বয়স মূল্যায়ন
evidence-declaration = ঘোষণা
priority = অগ্রাধিকার
priority-high = উচ্চ
priority-medium = মাঝারি
priority-low = নিম্ন
priority-reason = অগ্রাধিকারের কারণ
recruitment-known = নিয়োগ বা সম্পৃক্ততার পরিস্থিতি জানা আছে
association = সম্পৃক্ততা
association-recruited = কোনো গোষ্ঠী কর্তৃক নিয়োগপ্রাপ্ত বা ব্যবহৃত
association-through_family = মা-বাবা বা আত্মীয়ের মাধ্যমে
association-travelled_with_family = পরিবারের সাথে বিদেশে গিয়েছিল
association-born_abroad = কোনো গোষ্ঠীর সাথে সম্পৃক্ত মা-বাবার সন্তান হিসেবে বিদেশে জন্ম
association-other = অন্যান্য
register-check = বিদ্যমান রেকর্ড আছে কি না দেখুন
register-save = নিবন্ধন করুন
register-anyway = এদের কেউই একই শিশু নয়: নিবন্ধন করুন
matches-title = একই রকম নামের যেসব শিশু ইতিমধ্যে নথিভুক্ত
matches-none = একই রকম নামের কোনো শিশু নথিভুক্ত নেই।
match-likely = সম্ভবত একই শিশু
match-possible = একই শিশু হতে পারে
register-done = শিশুটিকে { $reference } নম্বরে নিবন্ধন করা হয়েছে।

## কেস
case-title = কেস { $reference }
victim-recognised = নিয়োগ ও শোষণের শিকার হিসেবে স্বীকৃত
victim-not-recorded = পরিস্থিতি এখনো লিপিবদ্ধ করা হয়নি
age = বয়স
age-unknown = অজানা
age-years = { $range } বছর
presumed-child = শিশু হিসেবে গণ্য (অপ্রাপ্তবয়স্ক বলে অনুমান)
age-precision = নিশ্চয়তার মাত্রা: { $precision }
status = অবস্থা
status-identified = শনাক্ত
status-registered = নিবন্ধিত
status-assessed = মূল্যায়িত
status-planned = পরিকল্পনা প্রণীত
status-in_progress = চলমান
status-closed = বন্ধ
status-transferred = হস্তান্তরিত
assigned-to = দায়িত্বপ্রাপ্ত
unassigned = কাউকে দায়িত্ব দেওয়া হয়নি
section-status = অবস্থা
section-identity = পরিচয়
section-contact = যোগাযোগ
section-circumstances = পরিস্থিতি
section-psychosocial = মনোসামাজিক
section-health = স্বাস্থ্য
section-education = শিক্ষা
section-family = পরিবার
section-justice = বিচার
section-plan = পরিকল্পনা
section-participation = অংশগ্রহণ
section-restricted = সীমিত: এই কেসে আপনার ভূমিকা ও সম্পর্কের আওতায় এই অংশটি পড়ে না।
section-justify = জরুরি প্রয়োজনে আপনি এই অংশটি খুলতে পারেন। কারণ লিখুন; কেসের সুপারভাইজারকে জানানো হবে।
justification = এখনই কেন এটি পড়া প্রয়োজন
open-section = এই অংশটি খুলুন
nothing-recorded = এখনো কিছু লিপিবদ্ধ করা হয়নি।
aliases = অন্যান্য নাম
erased = এই শিশুর তথ্য মুছে ফেলা হয়েছে।
notes = কেস নোট
add-note = নোট যোগ করুন
note-text = নোট
note-save = নোট সংরক্ষণ করুন
terminology-warning = “{ $term }”-এর পরিবর্তে অন্য শব্দ ব্যবহারের কথা ভাবুন। প্রস্তাবিত: { $alternatives }।
history = ইতিহাস
history-empty = কোনো পরিবর্তন লিপিবদ্ধ নেই।
move-to = কেসের নতুন অবস্থা
move-reason = কারণ (কেস বন্ধ বা হস্তান্তর করতে আবশ্যক)
move-button = পরিবর্তন করুন

## অনুসন্ধান
search-title = অনুসন্ধান
search-query = নাম, যেকোনো লিপিতে
search-button = অনুসন্ধান করুন
search-none = কোনো শিশু পাওয়া যায়নি।
search-results = যেসব শিশু পাওয়া গেছে

## প্রোফাইল
profile-title = প্রোফাইল
change-password = পাসওয়ার্ড পরিবর্তন
current-password = বর্তমান পাসওয়ার্ড
new-password = নতুন পাসওয়ার্ড
password-changed = আপনার পাসওয়ার্ড পরিবর্তন করা হয়েছে।
active-sessions = সক্রিয় সেশন
end-other-sessions = আমার অন্যান্য সেশন বন্ধ করুন
other-sessions-ended = আপনার অন্যান্য সেশন বন্ধ করা হয়েছে।
session-started = শুরু
session-last-seen = সর্বশেষ সক্রিয়
this-session = এই সেশন
save = সংরক্ষণ করুন

## প্রশাসন
admin-title = প্রশাসন
admin-no-case-content = প্রশাসকরা ব্যবহারকারী ও সংস্থা ব্যবস্থাপনা করেন; তাঁরা কেসের বিষয়বস্তু দেখতে পান না।
users = ব্যবহারকারী
agencies = সংস্থা
create-user = ব্যবহারকারী তৈরি করুন
create-agency = সংস্থা তৈরি করুন
display-name = পূর্ণ নাম
role = ভূমিকা
agency = সংস্থা
agency-code = কোড
agency-name = নাম
sector = খাত
jurisdiction = কর্ম-এলাকা
disable = নিষ্ক্রিয় করুন
disabled = নিষ্ক্রিয়
active = সক্রিয়
role-case_worker = কেস ওয়ার্কার (সমাজকর্মী)
role-supervisor = সুপারভাইজার
role-psychologist = মনোবিজ্ঞানী
role-health = স্বাস্থ্যকর্মী
role-education = শিক্ষক বা শিক্ষা কর্মকর্তা
role-justice = বিচার ব্যবস্থা সংশ্লিষ্ট কর্মকর্তা
role-security_liaison = নিরাপত্তা বিষয়ক লিয়াজোঁ কর্মকর্তা
role-researcher = গবেষক
role-administrator = প্রশাসক
role-auditor = নিরীক্ষক
sector-child_protection = শিশু সুরক্ষা ও সমাজকল্যাণ
sector-health = স্বাস্থ্য
sector-education = শিক্ষা
sector-justice = বিচার
sector-security = নিরাপত্তা
sector-civil_society = নাগরিক সমাজ
user-created = ব্যবহারকারী তৈরি করা হয়েছে।
agency-created = সংস্থা তৈরি করা হয়েছে।

## অডিট
audit-title = অডিট লগ
access-log-title = অ্যাক্সেস লগ
audit-chain-ok = অডিট শৃঙ্খল অক্ষত আছে ({ $events }টি ঘটনা)।
audit-chain-broken = অডিট শৃঙ্খল ভেঙে গেছে: { $detail }
col-time = সময়
col-actor = কে
col-action = কার্যক্রম
col-subject = বিষয়
col-section = অংশ
col-justification = কারণ
who-viewed = এই কেসটি কে কে দেখেছেন

## ত্রুটি
error-required = এই ঘরটি পূরণ করা আবশ্যক।
error-too-long = এটি খুব দীর্ঘ (সর্বোচ্চ { $max } অক্ষর)।
error-control-characters = এতে এমন অক্ষর রয়েছে যা অনুমোদিত নয়।
error-impossible-date = এই তারিখটির কোনো অস্তিত্ব নেই।
error-date-in-future = এই তারিখটি ভবিষ্যতের।
error-implausible-age = এই বয়সটি বিশ্বাসযোগ্য নয়।
error-invalid = এই মানটি সঠিক নয়।
error-reason-required = একটি কারণ লেখা আবশ্যক।
error-invalid-transition = কেসটিকে বর্তমান অবস্থা থেকে ওই অবস্থায় নেওয়া যায় না।
error-victim-status-permanent = শিকার হিসেবে দেওয়া স্বীকৃতি প্রত্যাহার করা যায় না।
error-password-short = কমপক্ষে ১২টি অক্ষর ব্যবহার করুন।
error-password-long = সর্বোচ্চ ১২৮টি অক্ষর ব্যবহার করুন।
error-password-common = এই পাসওয়ার্ডটি খুব সাধারণ; অন্য একটি বেছে নিন।
error-password-wrong = বর্তমান পাসওয়ার্ডটি সঠিক নয়।
error-csrf = এই ফর্মের মেয়াদ শেষ হয়ে গেছে। অনুগ্রহ করে আবার চেষ্টা করুন।
error-not-found = পাওয়া যায়নি।
error-forbidden = এটিতে আপনার প্রবেশাধিকার নেই।
error-too-large = আপনার পাঠানো তথ্য খুব বড়।
error-generic = একটি সমস্যা হয়েছে। কিছুই সংরক্ষণ করা হয়নি। অনুগ্রহ করে আবার চেষ্টা করুন।
error-conflict = { $detail }
errors-above = অনুগ্রহ করে চিহ্নিত ঘরগুলো সংশোধন করুন।

## Months
month-1 = জানুয়ারি
month-2 = ফেব্রুয়ারি
month-3 = মার্চ
month-4 = এপ্রিল
month-5 = মে
month-6 = জুন
month-7 = জুলাই
month-8 = আগস্ট
month-9 = সেপ্টেম্বর
month-10 = অক্টোবর
month-11 = নভেম্বর
month-12 = ডিসেম্বর

## Alerts
alerts-title = সতর্কবার্তা
alert-break-glass = একজন সহকর্মী লিখিত কারণ দেখিয়ে একটি কেসের সীমাবদ্ধ অংশ খুলেছেন।

## Editing
edit-identity = নাম, লিঙ্গ বা বয়স সংশোধন করুন
add-age-evidence = বয়সের প্রমাণ যোগ করুন (বর্তমান বয়স রাখতে ফাঁকা রাখুন)
account-actions = অ্যাকাউন্ট পরিবর্তন
account-action = কী করবেন
change-role = ভূমিকা পরিবর্তন
reset-second-factor = দ্বিতীয় ধাপ পুনরায় সেট করুন (ফোন হারিয়েছে)

## Consent ledger (issue 5)
consent-heading = সম্মতি ও শিশুর সায়
consent-empty = সম্মতির রেজিস্টারে এখনো কিছু লিপিবদ্ধ করা হয়নি।
consent-ledger = রেজিস্টার (প্রতিটি এন্ট্রি সংরক্ষিত থাকে)
consent-standing = আজ প্রতিটি উদ্দেশ্যের অবস্থা
consent-voice-not_asked = এই বয়সে একজন পরিচর্যাকারী বা অভিভাবক সম্মতি দেন; কী ঘটবে তা শিশুকে জানানো হয়।
consent-voice-assent = এই বয়সে শিশু নিজের সায় দেয় এবং একজন পরিচর্যাকারী বা অভিভাবক সম্মতি দেন। শিশু রাজি না হলে তার সিদ্ধান্তই মানা হয়।
consent-voice-consent = এই বয়সে শিশু নিজেই অবহিত সম্মতি দেয়।
consent-purpose-assessment = মূল্যায়ন
consent-purpose-information_sharing = অন্যান্য সংস্থার সাথে তথ্য বিনিময়
consent-purpose-research = গবেষণায় ব্যবহার (শিশুর পরিচয় প্রকাশ না করে)
consent-purpose-photographs = ছবি
consent-purpose-referral = { $sector } খাতে রেফারাল
consent-giver-child = শিশু নিজে
consent-giver-caregiver = পরিচর্যাকারী
consent-giver-guardian = আইনগত অভিভাবক
consent-party-child = শিশু নিজে
consent-party-caregiver = একজন পরিচর্যাকারী বা অভিভাবক
consent-decision-given = দেওয়া হয়েছে
consent-decision-refused = অস্বীকার করা হয়েছে
consent-decision-withdrawn = প্রত্যাহার করা হয়েছে
consent-state-given = { $party }: { $date } তারিখে সম্মতি দেওয়া হয়েছে
consent-state-missing = { $party }: এখনো জিজ্ঞাসা করা হয়নি
consent-state-refused = { $party }: { $date } তারিখে অসম্মতি জানানো হয়েছে
consent-state-withdrawn = { $party }: { $date } তারিখে সম্মতি প্রত্যাহার করা হয়েছে
consent-state-expired = { $party }: { $date } তারিখে মেয়াদ শেষ হয়েছে
consent-allows = সম্মতি আছে
consent-blocked = সম্মতি নেই
consent-purpose = উদ্দেশ্য
consent-giver = কে দিয়েছেন
consent-decision = সিদ্ধান্ত
consent-date = তারিখ
consent-expires = মেয়াদ শেষের তারিখ (ঐচ্ছিক)
consent-note = কীভাবে বুঝিয়ে বলা হয়েছিল এবং কে কে উপস্থিত ছিলেন (ঐচ্ছিক)
consent-record = রেজিস্টারে যোগ করুন
consent-recorded-by = লিপিবদ্ধ করেছেন
error-consent-nothing-to-withdraw = এই উদ্দেশ্যে এই ব্যক্তির দেওয়া এমন কোনো সম্মতি নেই যা প্রত্যাহার করা যায়।

## Referrals (issue 5)
referrals-heading = রেফারাল
referrals-empty = এই কেসটি রেফার করা হয়নি।
referrals-inbox = আপনার সংস্থায় আসা রেফারাল
referral-new = অন্য সংস্থায় রেফার করুন
referral-to = যে সংস্থায় রেফার করবেন
referral-sections = শেয়ার করা অংশ
referral-reason = কেন, এবং এই সেবা থেকে শিশুর কী প্রয়োজন
referral-override = সম্মতির রেজিস্টার অগ্রাহ্য করে সুপারভাইজারের সিদ্ধান্ত (কেবল যখন সম্মতি এই রেফারালের অনুমতি দেয় না)
referral-override-help = খালি রাখুন; কেবল আপনি সুপারভাইজার হলে এবং শিশুর নিরাপত্তার জন্য সম্মতি ছাড়াই এই রেফারাল প্রয়োজন হলে এটি পূরণ করুন। লিখিত কারণটি সংরক্ষিত থাকে, অডিট করা হয় এবং রেফারালের সাথে দেখানো হয়।
referral-send = রেফারাল পাঠান
referral-overridden = সুপারভাইজারের সিদ্ধান্তে সম্মতি ছাড়াই পাঠানো হয়েছে:
referral-answer = উত্তর
referral-feedback = সেবা সম্পন্ন হওয়ার পর মতামত
referral-decision = সিদ্ধান্ত
referral-accept = গ্রহণ করুন
referral-decline = প্রত্যাখ্যান করুন (কারণ লেখা আবশ্যক)
referral-answer-reason = কারণ বা মন্তব্য
referral-answer-send = পাঠান
referral-status-pending = উত্তরের অপেক্ষায়
referral-status-accepted = গৃহীত
referral-status-declined = প্রত্যাখ্যাত
referral-status-completed = সম্পন্ন
error-consent-required = সম্মতির রেজিস্টার এই রেফারালের অনুমতি দেয় না। আগে সম্মতি লিপিবদ্ধ করুন; একজন সুপারভাইজার লিখিত কারণ দেখিয়ে এটি অগ্রাহ্য করতে পারেন।
error-override-not-allowed = কেবল একজন সুপারভাইজার সম্মতির রেজিস্টার অগ্রাহ্য করতে পারেন, এবং সেজন্য কমপক্ষে ২০ অক্ষরের লিখিত কারণ দিতে হবে।

## Alerts on my cases (issue 5)
alert-changed = { $who } আপনার দায়িত্বে থাকা একটি কেসে পরিবর্তন করেছেন: { $what }।
alert-open-case = কেসটি খুলুন
alert-what-circumstances = পরিস্থিতি লিপিবদ্ধ করা হয়েছে
alert-what-status = অবস্থা পরিবর্তন করা হয়েছে
alert-what-priority = অগ্রাধিকার পরিবর্তন করা হয়েছে
alert-what-note = একটি নোট যোগ করা হয়েছে
alert-what-referral = একটি রেফারাল পাঠানো হয়েছে
alert-what-consent = সম্মতির রেজিস্টার
alert-what-referral_answer = একটি রেফারালের উত্তর দেওয়া হয়েছে
alert-what-case = কেসটি

## Assessments (issue 5)
assessment-new = ঘুরে দাঁড়ানোর সক্ষমতা ও প্রয়োজনের নতুন মূল্যায়ন
assessment-no-score = প্রতিটি ক্ষেত্রে শক্তির দিক ও প্রয়োজন; কোনো সামগ্রিক স্কোর নেই।
assessment-guard = শিশুর আবার সাক্ষাৎকার নেওয়ার আগে
assessment-first = এখনো কেউ এই শিশুর মূল্যায়ন করেননি।
assessment-guard-intro = ইতিমধ্যে লিপিবদ্ধ: শিশুকে আবার জিজ্ঞাসা করার আগে এটি পড়ুন।
assessment-repeat-warning = শেষ সাক্ষাৎকারটি { $days } দিন আগে নেওয়া হয়েছিল (এ পর্যন্ত মোট { $count }টি)। এত অল্প সময়ের মধ্যে আবার সাক্ষাৎকার নিলে শিশুর ক্ষতি হতে পারে: যতটা সম্ভব লিপিবদ্ধ তথ্য ব্যবহার করুন।
assessment-date = মূল্যায়নের তারিখ
assessment-language = ব্যবহৃত ভাষা
assessment-assent = শিশুর সায়
assessment-assent-given = শিশু সায় দিয়েছে
assessment-assent-refused = শিশু সায় দেয়নি (আর কিছুই লিপিবদ্ধ করা হয় না)
assessment-assent-not_asked = জিজ্ঞাসা করা হয়নি (নিচে কারণ লিখুন)
assessment-present = কে কে উপস্থিত ছিলেন, এবং পরিবেশ বা স্থান সম্পর্কে যেকোনো তথ্য
assessment-kind-strength = শক্তির দিক
assessment-kind-need = প্রয়োজন
assessment-only-if = কেবল তখনই উত্তর দিন, যদি “{ $question }”-এর উত্তর { $answer } হয়।
assessment-save = মূল্যায়ন সংরক্ষণ করুন
assessment-refused-assent = শিশু সায় দেয়নি: কোনো উত্তর লিপিবদ্ধ করা যাবে না।
assessment-summary = ক্ষেত্রভিত্তিক মূল্যায়ন
assessment-summary-cell = { $strengths }টি শক্তির দিক · { $needs }টি প্রয়োজন ({ $answered }/{ $asked })
assessment-domain = ক্ষেত্র
answer-yes = হ্যাঁ
answer-no = না
answer-group = গোষ্ঠীটি
answer-community = সমাজ
answer-family = পরিবার
answer-other = অন্যান্য

## Reintegration plan (issue 5)
plan-heading = ব্যক্তিভিত্তিক পুনরেকীকরণ পরিকল্পনা
plan-none = এখনো কোনো পরিকল্পনা নেই।
plan-draft = খসড়া, সুপারভাইজারের অনুমোদনের অপেক্ষায়
plan-approved = অনুমোদিত
plan-child-views = শিশুর মতামত
plan-caregiver-views = পরিচর্যাকারীর মতামত
plan-why-not = অথবা কেন তা লিপিবদ্ধ করা যায়নি
plan-views-missing = এখনো লিপিবদ্ধ করা হয়নি
plan-views-not-possible = লিপিবদ্ধ করা যায়নি: { $why }
plan-review-on = পরবর্তী পর্যালোচনা
plan-edit = পরিকল্পনা সম্পাদনা করুন
plan-add-goal = একটি লক্ষ্য যোগ করুন
plan-goal-kind = লক্ষ্যের ধরন
plan-kind-reintegration = পুনর্বাসন ও সমাজে পুনরেকীকরণ
plan-kind-disengagement = সম্পৃক্ততা ত্যাগে সহায়তা (ঐচ্ছিক)
plan-goal = লক্ষ্য, শিশু বোঝে এমন কথায়
plan-action = প্রথম পদক্ষেপ বা সেবা
plan-action-agency = দায়িত্বপ্রাপ্ত সংস্থা
plan-action-due = নির্ধারিত তারিখ
plan-save = পরিকল্পনা সংরক্ষণ করুন
plan-approve = পরিকল্পনা অনুমোদন করুন
error-supervisor-only = কেবল একজন সুপারভাইজার এটি অনুমোদন করতে পারেন।
error-assessment-required = শিশুর মূল্যায়ন সম্পন্ন হওয়ার আগে পরিকল্পনাটি অনুমোদন করা যাবে না।
error-child-views-required = শিশুর মতামত, অথবা কেন তা দেওয়া যায়নি তার লিপিবদ্ধ কারণ ছাড়া পরিকল্পনাটি অনুমোদন করা যাবে না।

## Closure and follow-up (issue 5)
followup-heading = কেস বন্ধ হওয়ার পর ফলো-আপ
followup-due = নির্ধারিত তারিখ
followup-done = সম্পন্ন
followup-record = পরবর্তী ফলো-আপ লিপিবদ্ধ করুন
followup-family = পরিবারের সাথে বা পরিবারভিত্তিক যত্নে থাকে
followup-school = স্কুলে বা প্রশিক্ষণে যায়
followup-support = স্বাস্থ্যসেবা ও মনোসামাজিক সহায়তা পাওয়ার সুযোগ
followup-acceptance = সমাজে গ্রহণযোগ্যতা (0 প্রত্যাখ্যাত – 3 পুরোপুরি গৃহীত)
followup-no-reassociation = গোষ্ঠীটির সাথে নতুন করে কোনো সম্পৃক্ততা নেই
followup-child-view = শিশুর নিজের মতামত
followup-save = ফলো-আপ সংরক্ষণ করুন
alerts-mark-read = সবগুলো পড়া হয়েছে বলে চিহ্নিত করুন
