# Awaits review by a native speaker.
# Pelita — ދިވެހި (dv), Dhivehi, Thaana script, NFC. Section headers kept in English.
app-name = Pelita
skip-to-content = ސީދާ މައިގަނޑު ބަޔަށް
translation-note = މި ތަރުޖަމާ، ދިވެހިބަސް މާދަރީބަސް ކަމުގައިވާ މީހަކު ރިވިއުކުރުމަށް އިންތިޒާރުކުރަމުންދެއެވެ.
language = ބަސް
nav-my-work = އަހަރެންގެ މަސައްކަތް
nav-register = ކުއްޖަކު ރަޖިސްޓްރީކުރުން
nav-search = ހޯދުން
nav-admin = އެޑްމިނިސްޓްރޭޝަން
nav-audit = އޮޑިޓް އަދި އެކްސެސް ލޮގް
nav-profile = ޕްރޮފައިލް
sign-out = ސައިން އައުޓް
demo-banner = މިއީ ޑެމޮންސްޓްރޭޝަނަށް ބޭނުންކުރާ ޑޭޓާ އެވެ. ދެވަނަ ފިޔަވަޅުގެ ސައިން އިން ހުއްޓާލާފައިވެއެވެ.

## Sign-in
signin-title = ސައިން އިން
username = ޔޫޒަރނޭމް
password = ޕާސްވޯޑް
signin-button = ސައިން އިން
signin-failed = ޔޫޒަރނޭމް ނުވަތަ ޕާސްވޯޑް ރަނގަޅެއް ނޫނެވެ. ނުވަތަ ތަކުރާރުކޮށް މަސައްކަތްކުރުމުގެ ސަބަބުން އެކައުންޓް މިނެޓު ކޮޅަކަށް ލޮކްކޮށްފައިވެއެވެ.
session-expired = ތިޔަބޭފުޅާގެ ސެޝަން ނިމިއްޖެއެވެ. އަލުން ސައިން އިން ކުރައްވާށެވެ.
totp-title = ދެވަނަ ފިޔަވަޅު
totp-code = ތިޔަބޭފުޅާގެ އޮތެންޓިކޭޓަރ އެޕުގައި ދައްކާ ހަ ޑިޖިޓްގެ ކޯޑު
totp-verify = ވެރިފައިކުރޭ
totp-failed = އެ ކޯޑު ރަނގަޅެއް ނޫނެވެ، ނުވަތަ އެ ކޯޑު ކުރިން ބޭނުންކުރެވިފައިވެއެވެ.
totp-enrol-title = ތިޔަބޭފުޅާގެ އޮތެންޓިކޭޓަރ އެޕް ސެޓަޕްކުރައްވާ
totp-enrol-help = އޮތެންޓިކޭޓަރ އެޕަކުން މި ކޯޑު ސްކޭންކުރައްވާ، ނުވަތަ ތިރީގައިވާ ކީ ޓައިޕްކުރައްވާ، ދެން އެޕުގައި ދައްކާ ހަ ޑިޖިޓްގެ ކޯޑު ޖައްސަވާށެވެ.
totp-secret = ކީ
totp-enrolled = ތިޔަބޭފުޅާގެ އޮތެންޓިކޭޓަރ އެޕް ސެޓަޕްކުރެވިއްޖެއެވެ.

## My work
mywork-title = އަހަރެންގެ މަސައްކަތް
mywork-empty = ތިޔަބޭފުޅާއާ އެއްވެސް ކޭހެއް ހަވާލުކޮށްފައެއް ނުވެއެވެ.
mywork-count = { $count ->
    [one] ތިޔަބޭފުޅާއާ އެއް ކޭސް ހަވާލުކޮށްފައިވެއެވެ.
   *[other] ތިޔަބޭފުޅާއާ { $count } ކޭސް ހަވާލުކޮށްފައިވެއެވެ.
}
col-reference = ރެފަރެންސް
col-child = ކުއްޖާ
col-age = އުމުރު
col-status = ސްޓޭޓަސް
col-priority = އިސްކަން
col-updated = އަޕްޑޭޓްކުރި

## Register
register-title = ކުއްޖަކު ރަޖިސްޓްރީކުރުން
register-intro = ސޭވްކުރުމުގެ ކުރިން، ވައްތަރު ނަންތަކާއެކު ރެކޯޑުގައި ކުރިން ހުރި ކުދިން Pelita އިން ދައްކައެވެ. މިއީ އެއް ކުއްޖާ ދެ ފަހަރު ރަޖިސްޓްރީ ނުކުރެވޭނެ ގޮތަށެވެ.
given-name = ނަން
family-name = ޢާއިލީ ނަން
family-name-hint = ކުއްޖާއަށް ޢާއިލީ ނަމެއް ނެތްނަމަ ހުސްކޮށް ބާއްވާށެވެ.
latin-transliteration = ލެޓިން (އިނގިރޭސި) އަކުރުން (އިޚްތިޔާރީ)
alias = އެހެން ނަމެއް ނުވަތަ ކިޔާ ނަމެއް (އިޚްތިޔާރީ)
sex = ޖިންސު
sex-female = އަންހެން
sex-male = ފިރިހެން
sex-other = އެހެނިހެން
sex-not_recorded = ރެކޯޑުކޮށްފައި ނުވޭ
birth = އުފަން ތާރީޚު
birth-precision = އުފަން ތާރީޚު ކިހާ ޔަގީނުން އެނގޭތަ؟
precision-exact = ޔަގީން ތާރީޚު
precision-month = މަހާއި އަހަރު
precision-year = އަހަރު އެކަނި
precision-estimated = ލަފާކުރެވޭ އުމުރު
precision-unknown = ނޭނގޭ
birth-date = ތާރީޚު
birth-year = އަހަރު
birth-month = މަސް
estimated-age = ލަފާކުރެވޭ އުމުރު (އަހަރުން)
estimated-margin = ކުޑަބޮޑުވެދާނެ މިންވަރު (އަހަރުން)
evidence = އުފަން ތާރީޚު އެނގުނު މަސްދަރު
evidence-document = ލިޔެކިޔުން
evidence-assessment = އުމުރު އެސެސްކުރުން
evidence-declaration = ބަޔާން
priority = އިސްކަން
priority-high = މަތި
priority-medium = މެދު
priority-low = ދަށް
priority-reason = އިސްކަން ދިނުމުގެ ސަބަބު
recruitment-known = ރިކްރޫޓްކުރެވުނު ނުވަތަ ގުޅުނު ގޮތް އެނގޭ
association = ގުޅުން
association-recruited = ޖަމާއަތަކުން ރިކްރޫޓްކޮށް ނުވަތަ ބޭނުންކޮށްފައި
association-through_family = މައިންބަފައިންގެ ނުވަތަ ގާތްތިމާގެ މީހެއްގެ ސަބަބުން
association-travelled_with_family = ޢާއިލާއާއެކު ބޭރުގައުމަކަށް ދަތުރުކޮށްފައި
association-born_abroad = ޖަމާއަތަކާ ގުޅުންހުރި މައިންބަފައިންނަށް ބޭރުގައުމެއްގައި އުފަންވެފައި
association-other = އެހެނިހެން
register-check = ކުރިން ހުރި ރެކޯޑުތައް ޗެކްކުރޭ
register-save = ރަޖިސްޓްރީކުރޭ
register-anyway = މިއިން އެއްވެސް ކުއްޖަކީ މި ކުއްޖާ ނޫން: ރަޖިސްޓްރީކުރޭ
matches-title = ވައްތަރު ނަންތަކާއެކު ރެކޯޑުގައި ކުރިން ހުރި ކުދިން
matches-none = ވައްތަރު ނަމެއްގައި އެއްވެސް ކުއްޖެއް ރެކޯޑުގައި ނެތެވެ.
match-likely = އެއް ކުއްޖާ ކަމަށް ވާން ގާތް
match-possible = އެއް ކުއްޖާ ކަމަށް ވެދާނެ
register-done = ކުއްޖާ ރަޖިސްޓްރީކުރެވުނީ { $reference } ގެ ގޮތުގައެވެ.

## Case
case-title = ކޭސް { $reference }
victim-recognised = ރިކްރޫޓްކުރުމާއި ގޯނާކުރުމުގެ ޝިކާރައެއްގެ ގޮތުގައި ދެނެގަނެފައި
victim-not-recorded = ކަންހިނގި ގޮތް އަދި ރެކޯޑުކޮށްފައި ނުވޭ
age = އުމުރު
age-unknown = ނޭނގޭ
age-years = { $range } އަހަރު
presumed-child = ކުއްޖެއްގެ ގޮތުގައި ބެލެވޭ (ކުޑަކުއްޖެއް ކަމަށް ބެލުމުގެ އުޞޫލު)
age-precision = ޔަގީންކަން: { $precision }
status = ސްޓޭޓަސް
status-identified = ފާހަގަކުރެވިފައި
status-registered = ރަޖިސްޓްރީކުރެވިފައި
status-assessed = އެސެސްކުރެވިފައި
status-planned = ޕްލޭން ހަދާފައި
status-in_progress = ކުރިއަށް ދަނީ
status-closed = ބަންދުކޮށްފައި
status-transferred = ބަދަލުކޮށްފައި
assigned-to = ހަވާލުކޮށްފައިވަނީ
unassigned = ހަވާލުކޮށްފައި ނުވޭ
section-status = ސްޓޭޓަސް
section-identity = ފަރުދީ މަޢުލޫމާތު
section-contact = ގުޅޭނެ ގޮތް
section-circumstances = ކަންހިނގި ގޮތް
section-psychosocial = ނަފްސާނީ އަދި އިޖްތިމާޢީ
section-health = ސިއްހަތު
section-education = ތަޢުލީމު
section-family = ޢާއިލާ
section-justice = ޢަދުލު އިންސާފު
section-plan = ޕްލޭން
section-participation = ބައިވެރިވުން
section-restricted = ހުއްދަ ލިމިޓްކޮށްފައި: މި ކޭހުގައި ތިޔަބޭފުޅާގެ ރޯލާއި ގުޅުމުގައި މި ބައި ހިމެނިފައެއް ނުވެއެވެ.
section-justify = ކުއްލި ހާލަތެއްގައި ތިޔަބޭފުޅާއަށް މި ބައި ހުޅުވިދާނެއެވެ. ސަބަބު ލިޔުއްވާށެވެ؛ މި ކޭހުގެ ސުޕަވައިޒަރަށް އެކަން އަންގާނެއެވެ.
justification = މިހާރު މިއަށް ބަލަން ޖެހޭ ސަބަބު
open-section = މި ބައި ހުޅުވާ
nothing-recorded = އަދި އެއްވެސް އެއްޗެއް ރެކޯޑުކޮށްފައެއް ނުވެއެވެ.
aliases = އެހެން ނަންތައް
erased = މި ކުއްޖާގެ ޑޭޓާ ފޮހެލެވިއްޖެއެވެ.
notes = ކޭސް ނޯޓްތައް
add-note = ނޯޓެއް އިތުރުކުރޭ
note-text = ނޯޓް
note-save = ނޯޓް ސޭވްކުރޭ
terminology-warning = “{ $term }” ގެ ބަދަލުގައި އެހެން ބަހެއް ބޭނުންކުރުމަށް ވިސްނާލައްވާ. ލަފާކުރާ ބަސް: { $alternatives }.
history = ބަދަލުތަކުގެ ތާރީޚު
history-empty = އެއްވެސް ބަދަލެއް ރެކޯޑުކޮށްފައެއް ނުވެއެވެ.
move-to = ކޭސް ބަދަލުކުރާ ސްޓޭޓަސް
move-reason = ސަބަބު (ކޭސް ބަންދުކުރުމަށް ނުވަތަ ބަދަލުކުރުމަށް ލާޒިމު)
move-button = ބަދަލުކުރޭ

## Search
search-title = ހޯދުން
search-query = ނަން، ކޮންމެ އަކުރަކުން ލިޔުނަސް
search-button = ހޯދާ
search-none = އެއްވެސް ކުއްޖެއް ނުފެނުނެވެ.
search-results = ފެނުނު ކުދިން

## Profile
profile-title = ޕްރޮފައިލް
change-password = ޕާސްވޯޑް ބަދަލުކުރުން
current-password = މިހާރުގެ ޕާސްވޯޑް
new-password = އައު ޕާސްވޯޑް
password-changed = ތިޔަބޭފުޅާގެ ޕާސްވޯޑް ބަދަލުކުރެވިއްޖެއެވެ.
active-sessions = އެކްޓިވް ސެޝަންތައް
end-other-sessions = އަހަރެންގެ އެހެން ސެޝަންތައް ނިންމާލާ
other-sessions-ended = ތިޔަބޭފުޅާގެ އެހެން ސެޝަންތައް ނިންމާލެވިއްޖެއެވެ.
session-started = ފެށުނީ
session-last-seen = އެންމެ ފަހުން އެކްޓިވްވީ
this-session = މި ސެޝަން
save = ސޭވްކުރޭ

## Administration
admin-title = އެޑްމިނިސްޓްރޭޝަން
admin-no-case-content = އެޑްމިނިސްޓްރޭޓަރުން ބަލަހައްޓަނީ ޔޫޒަރުންނާއި އިދާރާތަކެވެ؛ އެމީހުންނަށް ކޭސްތަކުގެ މަޢުލޫމާތު ނުފެނޭނެއެވެ.
users = ޔޫޒަރުން
agencies = އިދާރާތައް
create-user = ޔޫޒަރެއް ހަދާ
create-agency = އިދާރާއެއް ހަދާ
display-name = ފުރިހަމަ ނަން
role = ރޯލް
agency = އިދާރާ
agency-code = ކޯޑު
agency-name = ނަން
sector = ދާއިރާ
jurisdiction = ބާރު ހިނގާ ސަރަހައްދު
disable = ޑިސޭބަލްކުރޭ
disabled = ޑިސޭބަލްކޮށްފައި
active = އެކްޓިވް
role-case_worker = ކޭސް ވޯކަރ
role-supervisor = ސުޕަވައިޒަރ
role-psychologist = ސައިކޮލޮޖިސްޓް
role-health = ސިއްހީ ދާއިރާގެ މުވައްޒަފު
role-education = މުދައްރިސް ނުވަތަ ތަޢުލީމީ ދާއިރާގެ އޮފިސަރ
role-justice = ޢަދުލު އިންސާފުގެ ދާއިރާގެ އޮފިސަރ
role-security_liaison = ސަލާމަތީ ދާއިރާއާ ގުޅުން ބަހައްޓާ އޮފިސަރ
role-researcher = ދިރާސާވެރިޔާ
role-administrator = އެޑްމިނިސްޓްރޭޓަރ
role-auditor = އޮޑިޓަރ
sector-child_protection = ކުޑަކުދިންގެ ރައްކާތެރިކަމާއި އިޖްތިމާޢީ ޚިދުމަތް
sector-health = ސިއްހަތު
sector-education = ތަޢުލީމު
sector-justice = ޢަދުލު އިންސާފު
sector-security = ސަލާމަތީ ދާއިރާ
sector-civil_society = މަދަނީ މުޖްތަމަޢު
user-created = ޔޫޒަރު ހެދިއްޖެއެވެ.
agency-created = އިދާރާ ހެދިއްޖެއެވެ.

## Audit
audit-title = އޮޑިޓް ލޮގް
access-log-title = އެކްސެސް ލޮގް
audit-chain-ok = އޮޑިޓް ޗެއިން ފުރިހަމައަށް ހުރިއެވެ ({ $events } ހާދިސާ).
audit-chain-broken = އޮޑިޓް ޗެއިން ކެޑިފައިވެއެވެ: { $detail }
col-time = ވަގުތު
col-actor = ކާކު
col-action = ޢަމަލު
col-subject = މައުޟޫޢު
col-section = ބައި
col-justification = ސަބަބު
who-viewed = މި ކޭސް ބެލީ ކާކު

## Errors
error-required = މި ބައި ފުރުން ލާޒިމެވެ.
error-too-long = މިއީ ވަރަށް ދިގު އެއްޗެކެވެ (ގިނަވެގެން { $max } އަކުރު).
error-control-characters = މީގައި ހުއްދަ ނުވާ އަކުރު ހިމެނެއެވެ.
error-impossible-date = މިފަދަ ތާރީޚެއް ނެތެވެ.
error-date-in-future = މި ތާރީޚަކީ މުސްތަޤްބަލުގެ ތާރީޚެކެވެ.
error-implausible-age = މި އުމުރަކީ ވެދާނެ އުމުރެއް ނޫނެވެ.
error-invalid = މި އަގު ރަނގަޅެއް ނޫނެވެ.
error-reason-required = ސަބަބެއް ލިޔުން ލާޒިމެވެ.
error-invalid-transition = މިހާރު ހުރި ސްޓޭޓަހުން އެ ސްޓޭޓަހަކަށް ކޭސް ބަދަލެއް ނުކުރެވޭނެއެވެ.
error-victim-status-permanent = ޝިކާރައެއްގެ ގޮތުގައި ދެނެގަނެފައިވާ ސްޓޭޓަސް ނައްތާނުލެވޭނެއެވެ.
error-password-short = މަދުވެގެން 12 އަކުރު ބޭނުންކުރައްވާށެވެ.
error-password-long = ގިނަވެގެން 128 އަކުރު ބޭނުންކުރައްވާށެވެ.
error-password-common = މި ޕާސްވޯޑަކީ ވަރަށް އާންމު ޕާސްވޯޑެކެވެ؛ އެހެން ޕާސްވޯޑެއް ޚިޔާރުކުރައްވާށެވެ.
error-password-wrong = މިހާރުގެ ޕާސްވޯޑް ރަނގަޅެއް ނޫނެވެ.
error-csrf = މި ފޯމުގެ މުއްދަތު ހަމަވެއްޖެއެވެ. އަލުން މަސައްކަތްކޮށްލައްވާށެވެ.
error-not-found = ނުފެނުނެވެ.
error-forbidden = ތިޔަބޭފުޅާއަށް މިއަށް އެކްސެސް ނެތެވެ.
error-too-large = ފޮނުއްވި އެއްޗަކީ ވަރަށް ބޮޑު އެއްޗެކެވެ.
error-generic = މައްސަލައެއް ދިމާވެއްޖެއެވެ. އެއްވެސް އެއްޗެއް ސޭވްނުވެއެވެ. އަލުން މަސައްކަތްކޮށްލައްވާށެވެ.
error-conflict = { $detail }
errors-above = ފާހަގަކޮށްފައިވާ ބައިތައް ރަނގަޅުކުރައްވާށެވެ.

## Months
month-1 = ޖަނަވަރީ
month-2 = ފެބުރުއަރީ
month-3 = މާރިޗު
month-4 = އެޕްރީލް
month-5 = މޭ
month-6 = ޖޫން
month-7 = ޖުލައި
month-8 = އޮގަސްޓު
month-9 = ސެޕްޓެމްބަރު
month-10 = އޮކްޓޫބަރު
month-11 = ނޮވެމްބަރު
month-12 = ޑިސެމްބަރު

## Alerts
alerts-title = އިންޒާރު
alert-break-glass = ސަބަބު ލިޔެ، ކޭހެއްގެ ހަނި ބައެއް އެއް މުވައްޒަފަކު ހުޅުވައިފި.

## Editing
edit-identity = ނަން، ޖިންސު ނުވަތަ އުމުރު ރަނގަޅުކުރައްވާ
add-age-evidence = އުމުރުގެ ހެކި އިތުރުކުރައްވާ (މިހާރުގެ އުމުރު ބަހައްޓަން ހުސްކޮށް ބަހައްޓަވާ)
account-actions = އެކައުންޓް ބަދަލުކުރުން
account-action = ކުރާނެ ކަންތައް
change-role = ދައުރު ބަދަލުކުރުން
reset-second-factor = ދެވަނަ ފިޔަވަޅު އަލުން ޤާއިމުކުރުން (ފޯނު ގެއްލިއްޖެ)

## Consent ledger (issue 5)
consent-heading = ރުހުމާއި ކުއްޖާގެ އެއްބަސްވުން
consent-empty = ރުހުމުގެ ދަފްތަރުގައި އަދި އެއްވެސް އެއްޗެއް ރެކޯޑުކޮށްފައެއް ނުވެއެވެ.
consent-ledger = ދަފްތަރު (ކޮންމެ އެންޓްރީއެއް ވެސް ރައްކާކުރެވޭ)
consent-standing = މިއަދު ކޮންމެ މަޤްޞަދެއް ހުރި ގޮތް
consent-voice-not_asked = މި އުމުރުގައި ރުހުން ދެނީ ކުއްޖާ ބަލަހައްޓާ މީހާ ނުވަތަ ބެލެނިވެރިޔާއެވެ؛ ކުރިއަށް ހިނގާނެ ގޮތް ކުއްޖާއަށް ކިޔައިދެވެއެވެ.
consent-voice-assent = މި އުމުރުގައި ކުއްޖާ އެއްބަސްވުން ދީ، ކުއްޖާ ބަލަހައްޓާ މީހާ ނުވަތަ ބެލެނިވެރިޔާ ރުހުން ދެއެވެ. ކުއްޖާ ދެކޮޅުހެދިނަމަ، އެ ނިންމުމަށް އިޙްތިރާމްކުރެވޭނެއެވެ.
consent-voice-consent = މި އުމުރުގައި، މަޢުލޫމާތު ލިބިގެން ރުހުން ދެނީ ކުއްޖާ އަމިއްލައަށެވެ.
consent-purpose-assessment = އެސެސްކުރުން
consent-purpose-information_sharing = އެހެން އިދާރާތަކާ މަޢުލޫމާތު ހިއްސާކުރުން
consent-purpose-research = ދިރާސާއަށް ބޭނުންކުރުން (ކުއްޖާ ދެނެގަނެވޭނެ ގޮތެއް ނުހަދައި)
consent-purpose-photographs = ފޮޓޯ
consent-purpose-referral = { $sector } ދާއިރާއަށް ރެފަރކުރުން
consent-giver-child = ކުއްޖާ
consent-giver-caregiver = ކުއްޖާ ބަލަހައްޓާ މީހާ
consent-giver-guardian = ޤާނޫނީ ބެލެނިވެރިޔާ
consent-party-child = ކުއްޖާ
consent-party-caregiver = ކުއްޖާ ބަލަހައްޓާ މީހާ ނުވަތަ ބެލެނިވެރިޔާ
consent-decision-given = ދީފައި
consent-decision-refused = ދެކޮޅުހަދާފައި
consent-decision-withdrawn = އަނބުރާ ނަގާފައި
consent-state-given = { $party }: { $date } ގައި ރުހުން ދީފައި
consent-state-missing = { $party }: އަދި ސުވާލުކޮށްފައެއް ނުވޭ
consent-state-refused = { $party }: { $date } ގައި ދެކޮޅުހަދާފައި
consent-state-withdrawn = { $party }: { $date } ގައި ރުހުން އަނބުރާ ނަގާފައި
consent-state-expired = { $party }: { $date } ގައި މުއްދަތު ހަމަވެފައި
consent-allows = ރުހުން ލިބިފައި
consent-blocked = ރުހުން ލިބިފައި ނުވޭ
consent-purpose = މަޤްޞަދު
consent-giver = ދިން މީހާ
consent-decision = ނިންމުން
consent-date = ތާރީޚު
consent-expires = މުއްދަތު ހަމަވާ ތާރީޚު (އިޚްތިޔާރީ)
consent-note = ކަން ކިޔައިދިން ގޮތާއި ހާޟިރުވި މީހުން (އިޚްތިޔާރީ)
consent-record = ދަފްތަރަށް އިތުރުކުރޭ
consent-recorded-by = ރެކޯޑުކުރީ
error-consent-nothing-to-withdraw = މި މަޤްޞަދަށް މި މީހާ ދީފައިވާ، އަނބުރާ ނެގޭނެ އެއްވެސް ރުހުމެއް ނެތެވެ.

## Referrals (issue 5)
referrals-heading = ރެފަރކުރުންތައް
referrals-empty = މި ކޭސް އެއްވެސް ތަނަކަށް ރެފަރކޮށްފައެއް ނުވެއެވެ.
referrals-inbox = ތިޔަބޭފުޅާގެ އިދާރާއަށް ރެފަރކޮށްފައިވާ ކޭސްތައް
referral-new = އެހެން އިދާރާއަކަށް ރެފަރކުރޭ
referral-to = ރެފަރކުރާ އިދާރާ
referral-sections = ހިއްސާކުރާ ބައިތައް
referral-reason = ރެފަރކުރާ ސަބަބާއި، މި ޚިދުމަތުން ކުއްޖާއަށް ބޭނުންވާ ކަންތައް
referral-override = ރުހުމުގެ ދަފްތަރު ފަހަނައަޅައި ސުޕަވައިޒަރު ނިންމުން (ރުހުން ނެތުމުގެ ސަބަބުން މި ރެފަރކުރުމުގެ ހުއްދަ ނުލިބޭ ހާލަތުގައި އެކަނި)
referral-override-help = ތިޔަބޭފުޅާއަކީ ސުޕަވައިޒަރެއް ނޫންނަމަ، ނުވަތަ ކުއްޖާގެ ރައްކާތެރިކަމަށް ރުހުމެއް ނެތި މި ރެފަރކުރުން ބޭނުންނުވާނަމަ، ހުސްކޮށް ބާއްވާށެވެ. ލިޔުއްވާ ސަބަބު ރައްކާކޮށް، އޮޑިޓްކޮށް، ރެފަރކުރުމާއެކު ދައްކާނެއެވެ.
referral-send = ރެފަރކޮށް ފޮނުވާ
referral-overridden = ސުޕަވައިޒަރު ނިންމައިގެން، ރުހުމެއް ނެތި ފޮނުވާފައި:
referral-answer = ޖަވާބު
referral-feedback = ޚިދުމަތް ނިމުމުން ދޭ ފީޑްބެކް
referral-decision = ނިންމުން
referral-accept = ގަބޫލުކުރޭ
referral-decline = ގަބޫލުނުކުރޭ (ސަބަބު ލިޔުން ލާޒިމު)
referral-answer-reason = ސަބަބު ނުވަތަ ކޮމެންޓް
referral-answer-send = ފޮނުވާ
referral-status-pending = ޖަވާބަށް އިންތިޒާރުކުރަނީ
referral-status-accepted = ގަބޫލުކޮށްފައި
referral-status-declined = ގަބޫލުނުކޮށްފައި
referral-status-completed = ނިމިފައި
error-consent-required = ރުހުމުގެ ދަފްތަރުން މި ރެފަރކުރުމުގެ ހުއްދަ ނުލިބެއެވެ. ފުރަތަމަ ރުހުން ރެކޯޑުކުރައްވާށެވެ؛ ލިޔުމުން ސަބަބު ބަޔާންކޮށް، ސުޕަވައިޒަރަކަށް ދަފްތަރު ފަހަނައަޅައި ނިންމިދާނެއެވެ.
error-override-not-allowed = ރުހުމުގެ ދަފްތަރު ފަހަނައަޅައި ނިންމޭނީ، މަދުވެގެން 20 އަކުރުގެ ސަބަބެއް ލިޔުމާއެކު، ހަމައެކަނި ސުޕަވައިޒަރަކަށެވެ.

## Alerts on my cases (issue 5)
alert-changed = { $who }، ތިޔަބޭފުޅާއާ ހަވާލުކޮށްފައިވާ ކޭހެއްގައި ބަދަލެއް ގެނެސްފި: { $what }.
alert-open-case = ކޭސް ހުޅުވާ
alert-what-circumstances = ކަންހިނގި ގޮތް ރެކޯޑުކޮށްފައި
alert-what-status = ސްޓޭޓަސް ބަދަލުކޮށްފައި
alert-what-priority = އިސްކަން ބަދަލުކޮށްފައި
alert-what-note = ނޯޓެއް އިތުރުކޮށްފައި
alert-what-referral = ރެފަރކުރުމެއް ފޮނުވާފައި
alert-what-consent = ރުހުމުގެ ދަފްތަރު
alert-what-referral_answer = ރެފަރކުރުމަކަށް ޖަވާބު ދީފައި
alert-what-case = ކޭސް

## Assessments (issue 5)
assessment-new = އައު އެސެސްކުރުމެއް: ދަތިތަކުން އަރައިގަތުމުގެ ޤާބިލުކަމާއި ބޭނުންތައް
assessment-no-score = ކޮންމެ ދާއިރާއެއްގައި ވަރުގަދަ ފަރާތްތަކާއި ބޭނުންތައް؛ ޖުމްލަ ސްކޯއެއް ނެތެވެ.
assessment-guard = ކުއްޖާއާ އަލުން އިންޓަވިއުކުރުމުގެ ކުރިން
assessment-first = މި ކުއްޖާ އަދި އެއްވެސް މީހަކު އެސެސްކޮށްފައެއް ނުވެއެވެ.
assessment-guard-intro = ކުރިން ރެކޯޑުކޮށްފައިވާ މަޢުލޫމާތު: ކުއްޖާއާ އަލުން ސުވާލުކުރުމުގެ ކުރިން މިއަށް ބައްލަވާށެވެ.
assessment-repeat-warning = އެންމެ ފަހުގެ އިންޓަވިއު ކުރެވުނީ { $days } ދުވަސް ކުރިންނެވެ (މިހާތަނަށް { $count } އިންޓަވިއު). މިހާ އަވަހަށް އަނެއްކާވެސް އިންޓަވިއުކުރުމުން ކުއްޖާއަށް ގެއްލުން ލިބިދާނެއެވެ: ކުރެވެނިވި ވަރަކުން ރެކޯޑުކޮށްފައިވާ މަޢުލޫމާތު ބޭނުންކުރައްވާށެވެ.
assessment-date = އެސެސްކުރި ތާރީޚު
assessment-language = ބޭނުންކުރި ބަސް
assessment-assent = ކުއްޖާގެ އެއްބަސްވުން
assessment-assent-given = ކުއްޖާ އެއްބަސްވި
assessment-assent-refused = ކުއްޖާ އެއްބަސްނުވި (އެހެން އެއްވެސް އެއްޗެއް ރެކޯޑެއް ނުކުރެވޭ)
assessment-assent-not_asked = ސުވާލުކޮށްފައި ނުވޭ (ސަބަބު ތިރީގައި ލިޔުއްވާ)
assessment-present = ހާޟިރުވި މީހުންނާއި، އިންޓަވިއުކުރި ތަނާއި މާޙައުލާ ބެހޭ ކަންތައް
assessment-kind-strength = ވަރުގަދަ ފަރާތް
assessment-kind-need = ބޭނުންތެރިކަން
assessment-only-if = “{ $question }” ގެ ޖަވާބަކީ { $answer } ނަމަ އެކަނި ޖަވާބު ދެއްވާ.
assessment-save = އެސެސްކުރުން ސޭވްކުރޭ
assessment-refused-assent = ކުއްޖާ އެއްބަސްނުވި: އެއްވެސް ޖަވާބެއް ރެކޯޑު ނުކުރެވޭނެއެވެ.
assessment-summary = ދާއިރާތަކުގެ ގޮތުން އެސެސްކުރުންތައް
assessment-summary-cell = ވަރުގަދަ ފަރާތް { $strengths } · ބޭނުންތެރިކަން { $needs } ({ $answered }/{ $asked })
assessment-domain = ދާއިރާ
answer-yes = އާން
answer-no = ނޫން
answer-group = ޖަމާއަތް
answer-community = މުޖްތަމަޢު
answer-family = ޢާއިލާ
answer-other = އެހެނިހެން

## Reintegration plan (issue 5)
plan-heading = ކުއްޖާއަށް ހާއްސަ ރީއިންޓަގްރޭޝަން ޕްލޭން
plan-none = އަދި ޕްލޭނެއް ނެތެވެ.
plan-draft = ޑްރާފްޓް، ސުޕަވައިޒަރު ފާސްކުރުމަށް އިންތިޒާރުކުރަނީ
plan-approved = ފާސްކޮށްފައި
plan-child-views = ކުއްޖާގެ ޚިޔާލު
plan-caregiver-views = ކުއްޖާ ބަލަހައްޓާ މީހާގެ ޚިޔާލު
plan-why-not = ނުވަތަ، ޚިޔާލު ރެކޯޑު ނުކުރެވުނު ސަބަބު
plan-views-missing = އަދި ރެކޯޑުކޮށްފައެއް ނުވޭ
plan-views-not-possible = ރެކޯޑު ނުކުރެވުނު ސަބަބު: { $why }
plan-review-on = ދެން ރިވިއުކުރާ ތާރީޚު
plan-edit = ޕްލޭން ބަދަލުކުރޭ
plan-add-goal = ލަނޑުދަނޑިއެއް އިތުރުކުރޭ
plan-goal-kind = ލަނޑުދަނޑީގެ ބާވަތް
plan-kind-reintegration = ރިހެބިލިޓޭޝަން އަދި ރީއިންޓަގްރޭޝަން
plan-kind-disengagement = ޖަމާއަތުން ވަކިވުމަށް ދޭ އެހީ (އިޚްތިޔާރީ)
plan-goal = ލަނޑުދަނޑި، ކުއްޖާއަށް ވިސްނޭ ބަހުން
plan-action = ފުރަތަމަ އަޅާ ފިޔަވަޅު ނުވަތަ ދޭ ޚިދުމަތް
plan-action-agency = ޒިންމާވާ އިދާރާ
plan-action-due = ނިންމަންޖެހޭ ތާރީޚު
plan-save = ޕްލޭން ސޭވްކުރޭ
plan-approve = ޕްލޭން ފާސްކުރޭ
error-supervisor-only = މިކަން ފާސްކުރެވޭނީ ހަމައެކަނި ސުޕަވައިޒަރަކަށެވެ.
error-assessment-required = ކުއްޖާ އެސެސްކުރުމުގެ ކުރިން ޕްލޭން ފާސްނުކުރެވޭނެއެވެ.
error-child-views-required = ކުއްޖާގެ ޚިޔާލު، ނުވަތަ އެ ޚިޔާލު ނުދެވުނު ސަބަބު ރެކޯޑުނުކޮށް ޕްލޭން ފާސްނުކުރެވޭނެއެވެ.

## Closure and follow-up (issue 5)
followup-heading = ކޭސް ބަންދުކުރުމަށްފަހު ފޮލޯއަޕް
followup-due = ކުރަންޖެހޭ ތާރީޚު
followup-done = ކުރި ތާރީޚު
followup-record = ދެން ކުރާ ފޮލޯއަޕް ރެކޯޑުކުރޭ
followup-family = ޢާއިލާއާއެކު ނުވަތަ ޢާއިލީ މާޙައުލެއްގައި ބެލެހެއްޓުމުގެ ދަށުގައި ދިރިއުޅޭ
followup-school = ސްކޫލަށް ނުވަތަ ތަމްރީނަށް ދޭ
followup-support = ސިއްހީ ޚިދުމަތްތަކާއި ނަފްސާނީ އަދި އިޖްތިމާޢީ އެހީ ލިބުން
followup-acceptance = މުޖްތަމަޢުން ގަބޫލުކުރުން (0 ގަބޫލުނުކުރޭ – 3 ފުރިހަމައަށް ގަބޫލުކުރޭ)
followup-no-reassociation = ޖަމާއަތާ އަލުން ގުޅިފައެއް ނުވޭ
followup-child-view = ކުއްޖާގެ އަމިއްލަ ޚިޔާލު
followup-save = ފޮލޯއަޕް ސޭވްކުރޭ
alerts-mark-read = ހުރިހާ އެއްޗެއް ކިޔާފައިވާ ކަމަށް ފާހަގަކުރޭ
