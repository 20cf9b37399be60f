# Awaits review by a native speaker.
# Pelita — Filipino (fil).
# Note: under CLDR plural rules for Filipino, the [one] category also covers
# numbers such as 2, 3, 5 and 7, so both variants of mywork-count use { $count }.
app-name = Pelita
skip-to-content = Lumaktaw sa nilalaman
translation-note = Naghihintay ang salin na ito ng pagsusuri ng isang katutubong tagapagsalita.
language = Wika
nav-my-work = Aking mga gawain
nav-register = Magrehistro ng bata
nav-search = Maghanap
nav-admin = Administrasyon
nav-audit = Audit at access log
nav-profile = Profile
sign-out = Mag-sign out
demo-banner = Datos para sa demonstrasyon. Naka-off ang second-factor na pag-sign in.

## Pag-sign in
signin-title = Mag-sign in
username = Username
password = Password
signin-button = Mag-sign in
signin-failed = Mali ang username o password, o naka-lock ang account nang ilang minuto dahil sa paulit-ulit na pagsubok.
session-expired = Natapos na ang iyong session. Mag-sign in muli.
totp-title = Ikalawang hakbang
totp-code = Anim na digit na code mula sa iyong authenticator app
totp-verify = I-verify
totp-failed = Mali ang code na iyan o nagamit na ito.
totp-enrol-title = I-set up ang iyong authenticator app
totp-enrol-help = I-scan ang code na ito gamit ang isang authenticator app, o i-type ang key sa ibaba, saka ilagay ang anim na digit na code na ipinapakita nito.
totp-secret = Key
totp-enrolled = Naka-set up na ang iyong authenticator app.

## Aking mga gawain
mywork-title = Aking mga gawain
mywork-empty = Walang kasong nakatalaga sa iyo.
mywork-count = { $count ->
    [one] May { $count } kasong nakatalaga sa iyo.
   *[other] May { $count } kasong nakatalaga sa iyo.
}
col-reference = Reference no.
col-child = Bata
col-age = Edad
col-status = Status
col-priority = Prayoridad
col-updated = Na-update

## Pagrehistro
register-title = Magrehistro ng bata
register-intro = Bago mag-save, ipinapakita ng Pelita ang mga batang nakatala na at may katulad na pangalan, para hindi mairehistro nang dalawang beses ang iisang bata.
given-name = Pangalan
family-name = Apelyido
family-name-hint = Iwanang blangko kung walang apelyido ang bata.
latin-transliteration = Sa mga titik Latin (opsyonal)
alias = Ibang pangalan o alyas (opsyonal)
sex = Kasarian
sex-female = Babae
sex-male = Lalaki
sex-other = Iba pa
sex-not_recorded = Hindi naitala
birth = Petsa ng kapanganakan
birth-precision = Gaano katiyak ang petsang ito?
precision-exact = Eksaktong petsa
precision-month = Buwan at taon
precision-year = Taon lamang
precision-estimated = Tinatayang edad
precision-unknown = Hindi alam
birth-date = Petsa
birth-year = Taon
birth-month = Buwan
estimated-age = Tinatayang edad (taon)
estimated-margin = Humigit-kumulang (taon)
evidence = Pinagmulan ng petsa ng kapanganakan
evidence-document = Dokumento
evidence-assessment = Pagtatasa ng edad
evidence-declaration = Salaysay
priority = Prayoridad
priority-high = Mataas
priority-medium = Katamtaman
priority-low = Mababa
priority-reason = Dahilan ng prayoridad
recruitment-known = Alam ang mga pangyayari ng pangangalap o pagkakaugnay
association = Pagkakaugnay
association-recruited = Nirekrut o ginamit ng isang grupo
association-through_family = Sa pamamagitan ng magulang o kamag-anak
association-travelled_with_family = Naglakbay sa ibang bansa kasama ang pamilya
association-born_abroad = Ipinanganak sa ibang bansa sa mga magulang na may kaugnayan sa isang grupo
association-other = Iba pa
register-check = Tingnan kung may umiiral nang tala
register-save = Irehistro
register-anyway = Wala sa mga ito ang parehong bata: irehistro
matches-title = Mga batang nakatala na at may katulad na pangalan
matches-none = Walang nakatalang bata na may katulad na pangalan.
match-likely = Malamang na parehong bata
match-possible = Posibleng parehong bata
register-done = Nairehistro ang bata bilang { $reference }.

## Kaso
case-title = Kaso { $reference }
victim-recognised = Kinikilalang biktima ng pangangalap at pagsasamantala
victim-not-recorded = Hindi pa naitatala ang mga pangyayari
age = Edad
age-unknown = Hindi alam
age-years = { $range } taong gulang
presumed-child = Itinuturing na bata (pagpapalagay na menor de edad)
age-precision = Katiyakan: { $precision }
status = Status
status-identified = Natukoy
status-registered = Nairehistro
status-assessed = Na-assess
status-planned = May plano na
status-in_progress = Isinasagawa
status-closed = Sarado
status-transferred = Inilipat
assigned-to = Nakatalaga kay
unassigned = Hindi nakatalaga
section-status = Status
section-identity = Pagkakakilanlan
section-contact = Pakikipag-ugnayan
section-circumstances = Mga pangyayari
section-psychosocial = Psychosocial
section-health = Kalusugan
section-education = Edukasyon
section-family = Pamilya
section-justice = Hustisya
section-plan = Plano
section-participation = Pakikilahok
section-restricted = Limitado: hindi saklaw ng iyong tungkulin at kaugnayan sa kasong ito ang seksyong ito.
section-justify = Maaari mong buksan ang seksyong ito kung may emerhensiya. Isulat kung bakit; aabisuhan ang supervisor ng kaso.
justification = Bakit kailangan mo itong basahin ngayon
open-section = Buksan ang seksyong ito
nothing-recorded = Wala pang naitatala.
aliases = Ibang pangalan
erased = Binura na ang datos ng batang ito.
notes = Mga tala sa kaso
add-note = Magdagdag ng tala
note-text = Tala
note-save = I-save ang tala
terminology-warning = Isaalang-alang ang ibang salita para sa “{ $term }”. Mungkahi: { $alternatives }.
history = Kasaysayan
history-empty = Walang naitalang pagbabago.
move-to = Ilipat ang kaso sa
move-reason = Dahilan (kailangan para isara o ilipat ang kaso)
move-button = Ilipat

## Paghahanap
search-title = Paghahanap
search-query = Pangalan, sa anumang sistema ng pagsulat
search-button = Maghanap
search-none = Walang nahanap na bata.
search-results = Mga batang nahanap

## Profile
profile-title = Profile
change-password = Palitan ang password
current-password = Kasalukuyang password
new-password = Bagong password
password-changed = Napalitan na ang iyong password.
active-sessions = Mga aktibong session
end-other-sessions = Tapusin ang iba ko pang session
other-sessions-ended = Natapos na ang iba mo pang session.
session-started = Nagsimula
session-last-seen = Huling aktibo
this-session = Ang session na ito
save = I-save

## Administrasyon
admin-title = Administrasyon
admin-no-case-content = Ang mga administrator ang namamahala sa mga user at ahensya; hindi nila nakikita ang nilalaman ng mga kaso.
users = Mga user
agencies = Mga ahensya
create-user = Gumawa ng user
create-agency = Gumawa ng ahensya
display-name = Buong pangalan
role = Tungkulin
agency = Ahensya
agency-code = Code
agency-name = Pangalan
sector = Sektor
jurisdiction = Nasasakupan
disable = I-disable
disabled = Naka-disable
active = Aktibo
role-case_worker = Case worker
role-supervisor = Supervisor
role-psychologist = Sikologo
role-health = Health worker
role-education = Guro o opisyal ng edukasyon
role-justice = Opisyal ng hustisya
role-security_liaison = Tagapag-ugnay sa seguridad
role-researcher = Mananaliksik
role-administrator = Administrator
role-auditor = Auditor
sector-child_protection = Proteksyon ng bata at kapakanang panlipunan
sector-health = Kalusugan
sector-education = Edukasyon
sector-justice = Hustisya
sector-security = Seguridad
sector-civil_society = Lipunang sibil
user-created = Nagawa na ang user.
agency-created = Nagawa na ang ahensya.

## Audit
audit-title = Audit log
access-log-title = Access log
audit-chain-ok = Buo ang audit chain ({ $events } pangyayari).
audit-chain-broken = Sira ang audit chain: { $detail }
col-time = Oras
col-actor = Sino
col-action = Aksyon
col-subject = Paksa
col-section = Seksyon
col-justification = Katwiran
who-viewed = Sino ang tumingin sa kasong ito

## Mga error
error-required = Kailangang punan ang field na ito.
error-too-long = Masyadong mahaba ito (hanggang { $max } karakter lamang).
error-control-characters = May mga karakter dito na hindi pinapayagan.
error-impossible-date = Hindi umiiral ang petsang ito.
error-date-in-future = Nasa hinaharap ang petsang ito.
error-implausible-age = Hindi kapani-paniwala ang edad na ito.
error-invalid = Hindi wasto ang halagang ito.
error-reason-required = Kailangan ng dahilan.
error-invalid-transition = Hindi maaaring ilipat ang kaso sa status na iyan mula sa kasalukuyang status nito.
error-victim-status-permanent = Hindi maaaring alisin ang kinikilalang status bilang biktima.
error-password-short = Gumamit ng hindi bababa sa 12 karakter.
error-password-long = Gumamit ng hindi hihigit sa 128 karakter.
error-password-common = Masyadong karaniwan ang password na ito; pumili ng iba.
error-password-wrong = Mali ang kasalukuyang password.
error-csrf = Nag-expire na ang form na ito. Pakisubukang muli.
error-not-found = Hindi nahanap.
error-forbidden = Wala kang access dito.
error-too-large = Masyadong malaki ang ipinadala mo.
error-generic = Nagkaroon ng problema. Walang na-save. Pakisubukang muli.
error-conflict = { $detail }
errors-above = Pakiwasto ang mga minarkahang field.

## Months
month-1 = Enero
month-2 = Pebrero
month-3 = Marso
month-4 = Abril
month-5 = Mayo
month-6 = Hunyo
month-7 = Hulyo
month-8 = Agosto
month-9 = Setyembre
month-10 = Oktubre
month-11 = Nobyembre
month-12 = Disyembre

## Alerts
alerts-title = Mga alerto
alert-break-glass = Binuksan ng isang kasamahan ang isang restricted na bahagi ng kaso nang may katwiran.

## Editing
edit-identity = Iwasto ang pangalan, kasarian o edad
add-age-evidence = Magdagdag ng katibayan ng edad (iwanang blangko para panatilihin ang edad)
account-actions = Baguhin ang account
account-action = Gagawin
change-role = Palitan ang tungkulin
reset-second-factor = I-reset ang ikalawang hakbang (nawalang telepono)

## Consent ledger (issue 5)
consent-heading = Pahintulot at pagsang-ayon ng bata
consent-empty = Wala pang naitatala sa talaan ng pahintulot.
consent-ledger = Talaan (itinatago ang bawat entry)
consent-standing = Kalagayan ng bawat layunin ngayon
consent-voice-not_asked = Sa edad na ito, ang tagapag-alaga o guardian ang nagbibigay ng pahintulot; ipinapaliwanag sa bata kung ano ang mangyayari.
consent-voice-assent = Sa edad na ito, nagbibigay ng pagsang-ayon ang bata at nagbibigay ng pahintulot ang tagapag-alaga o guardian. Iginagalang ang pagtanggi ng bata.
consent-voice-consent = Sa edad na ito, ang bata mismo ang nagbibigay ng pahintulot nang may sapat na kaalaman.
consent-purpose-assessment = Pagtatasa
consent-purpose-information_sharing = Pagbabahagi ng impormasyon sa ibang ahensya
consent-purpose-research = Paggamit sa pananaliksik (nang hindi nakikilala ang bata)
consent-purpose-photographs = Mga litrato
consent-purpose-referral = Referral sa sektor ng { $sector }
consent-giver-child = Ang bata
consent-giver-caregiver = Tagapag-alaga
consent-giver-guardian = Legal na guardian
consent-party-child = Ang bata
consent-party-caregiver = Isang tagapag-alaga o guardian
consent-decision-given = Ibinigay
consent-decision-refused = Tinanggihan
consent-decision-withdrawn = Binawi
consent-state-given = { $party }: pumayag noong { $date }
consent-state-missing = { $party }: hindi pa natatanong
consent-state-refused = { $party }: tumanggi noong { $date }
consent-state-withdrawn = { $party }: binawi ang pahintulot noong { $date }
consent-state-expired = { $party }: nag-expire noong { $date }
consent-allows = May pahintulot
consent-blocked = Walang pahintulot
consent-purpose = Layunin
consent-giver = Nagbigay
consent-decision = Pasya
consent-date = Petsa
consent-expires = Petsa ng pag-expire (opsyonal)
consent-note = Paano ito ipinaliwanag at sino ang naroon (opsyonal)
consent-record = Idagdag sa talaan
consent-recorded-by = Nagtala
error-consent-nothing-to-withdraw = Walang pahintulot mula sa taong ito para sa layuning ito na maaaring bawiin.

## Referrals (issue 5)
referrals-heading = Mga referral
referrals-empty = Hindi pa nire-refer ang kasong ito.
referrals-inbox = Mga referral sa iyong ahensya
referral-new = I-refer sa ibang ahensya
referral-to = I-refer sa
referral-sections = Mga seksyong ibinahagi
referral-reason = Dahilan, at kung ano ang kailangan ng bata mula sa serbisyong ito
referral-override = Pag-override ng supervisor sa talaan ng pahintulot (para lamang sa pagkakataong hindi pinapayagan ng pahintulot ang referral na ito)
referral-override-help = Iwanang blangko maliban kung ikaw ay supervisor at kailangan ang referral na ito para sa kaligtasan ng bata kahit walang pahintulot. Itinatago, ina-audit at ipinapakita kasama ng referral ang katwiran.
referral-send = Ipadala ang referral
referral-overridden = Ipinadala nang walang pahintulot dahil sa override ng supervisor:
referral-answer = Sagot
referral-feedback = Feedback pagkatapos makumpleto
referral-decision = Pasya
referral-accept = Tanggapin
referral-decline = Tanggihan (kailangan ng dahilan)
referral-answer-reason = Dahilan o komento
referral-answer-send = Ipadala
referral-status-pending = Naghihintay ng sagot
referral-status-accepted = Tinanggap
referral-status-declined = Tinanggihan
referral-status-completed = Nakumpleto
error-consent-required = Hindi pinapayagan ng talaan ng pahintulot ang referral na ito. Itala muna ang pahintulot; maaaring mag-override ang isang supervisor nang may nakasulat na katwiran.
error-override-not-allowed = Ang supervisor lamang ang maaaring mag-override sa talaan ng pahintulot, nang may katwirang hindi bababa sa 20 karakter.

## Alerts on my cases (issue 5)
alert-changed = Binago ni { $who } ang isang kasong nakatalaga sa iyo: { $what }.
alert-open-case = Buksan ang kaso
alert-what-circumstances = naitala ang mga pangyayari
alert-what-status = binago ang status
alert-what-priority = binago ang prayoridad
alert-what-note = may idinagdag na tala
alert-what-referral = may ipinadalang referral
alert-what-consent = ang talaan ng pahintulot
alert-what-referral_answer = may sinagot na referral
alert-what-case = ang kaso

## Assessments (issue 5)
assessment-new = Bagong pagtatasa ng katatagan at mga pangangailangan
assessment-no-score = Mga kalakasan at pangangailangan sa bawat aspeto; walang kabuuang iskor.
assessment-guard = Bago mo muling kapanayamin ang bata
assessment-first = Wala pang nakapagsagawa ng pagtatasa sa batang ito.
assessment-guard-intro = Naitala na: basahin ito bago muling magtanong sa bata.
assessment-repeat-warning = Ang huling panayam ay { $days } araw na ang nakalipas ({ $count } na hanggang ngayon). Maaaring makasama sa bata ang panibagong panayam nang ganito kaaga: gamitin ang naitala na hangga't maaari.
assessment-date = Petsa ng pagtatasa
assessment-language = Wikang ginamit
assessment-assent = Pagsang-ayon ng bata
assessment-assent-given = Sumang-ayon ang bata
assessment-assent-refused = Hindi sumang-ayon ang bata (wala nang ibang itinatala)
assessment-assent-not_asked = Hindi tinanong (isulat kung bakit sa ibaba)
assessment-present = Sino ang naroon, at anumang tungkol sa lugar o sitwasyon
assessment-kind-strength = kalakasan
assessment-kind-need = pangangailangan
assessment-only-if = Sagutin lamang kung ang sagot sa “{ $question }” ay { $answer }.
assessment-save = I-save ang pagtatasa
assessment-refused-assent = Hindi sumang-ayon ang bata: walang sagot na maaaring itala.
assessment-summary = Mga pagtatasa ayon sa aspeto
assessment-summary-cell = { $strengths } kalakasan · { $needs } pangangailangan ({ $answered }/{ $asked })
assessment-domain = Aspeto
answer-yes = oo
answer-no = hindi
answer-group = ang grupo
answer-community = ang komunidad
answer-family = ang pamilya
answer-other = iba pa

## Reintegration plan (issue 5)
plan-heading = Indibidwal na plano para sa reintegrasyon
plan-none = Wala pang plano.
plan-draft = Draft, naghihintay ng pag-apruba ng supervisor
plan-approved = Aprubado
plan-child-views = Mga pananaw ng bata
plan-caregiver-views = Mga pananaw ng tagapag-alaga
plan-why-not = O kung bakit hindi ito maitala
plan-views-missing = Hindi pa naitatala
plan-views-not-possible = Hindi maitala: { $why }
plan-review-on = Susunod na pagsusuri
plan-edit = Baguhin ang plano
plan-add-goal = Magdagdag ng layunin
plan-goal-kind = Uri ng layunin
plan-kind-reintegration = Rehabilitasyon at reintegrasyon
plan-kind-disengagement = Suporta sa paghiwalay sa grupo (opsyonal)
plan-goal = Layunin, sa mga salitang nauunawaan ng bata
plan-action = Unang hakbang o serbisyo
plan-action-agency = Responsableng ahensya
plan-action-due = Takdang petsa
plan-save = I-save ang plano
plan-approve = Aprubahan ang plano
error-supervisor-only = Ang supervisor lamang ang maaaring mag-apruba nito.
error-assessment-required = Hindi maaaprubahan ang plano hangga't wala pang pagtatasa sa bata.
error-child-views-required = Hindi maaaprubahan ang plano nang walang pananaw ng bata, o tala kung bakit hindi ito naibigay.

## Closure and follow-up (issue 5)
followup-heading = Follow-up pagkatapos maisara ang kaso
followup-due = Takdang petsa
followup-done = isinagawa
followup-record = Itala ang susunod na follow-up
followup-family = Nakatira kasama ng pamilya o nasa pangangalagang nakabatay sa pamilya
followup-school = Pumapasok sa paaralan o sa pagsasanay
followup-support = May access sa mga serbisyong pangkalusugan at psychosocial na suporta
followup-acceptance = Tinatanggap ng komunidad (0 hindi tinatanggap – 3 lubos)
followup-no-reassociation = Walang panibagong pagkakaugnay sa grupo
followup-child-view = Sariling pananaw ng bata
followup-save = I-save ang follow-up
alerts-mark-read = Markahang nabasa na lahat
