# Awaits review by a native speaker.
# Pelita — Filipino (fil).
# Note: CLDR's Filipino [one] category covers 1, 2, 3, 5, 7, 8… (it chooses the
# linker -ng / na, not singular or plural), so the singular wording of a count
# sits under the exact number [1], never under [one].
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
    [1] May { $count } kasong nakatalaga sa iyo.
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
error-method-not-allowed = Hindi tumatanggap ang address na ito ng ganitong uri ng request.
error-timeout = Hindi dumating sa oras ang ipinadala mo. Walang na-save. Pakisubukang muli.
error-too-many-requests = Masyadong maraming request mula sa iyong network. Walang na-save. Maghintay sandali at subukang muli.
error-busy = Abala ang Pelita. Walang na-save. Pakisubukang muli mamaya.
error-generic = Nagkaroon ng problema. Walang na-save. Pakisubukang muli.
error-halted = Itinigil ang pag-save matapos ang error sa storage: i-restart ang Pelita. Hanggang doon, walang maise-save; gumagana pa rin ang pagbasa. Pagkatapos ng restart, tingnan kung na-save ang huli mong pagbabago.
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

## Case conferences, tasks, household (issue #5)
alert-what-assessment = may naitalang pagtatasa
alert-what-plan = binago ang plano
alert-what-plan_approved = inaprubahan ang plano
alert-what-conference = may naitalang case conference
alert-what-family = binago ang sambahayan
alert-task = Binigyan ka ni { $who } ng gawain mula sa isang case conference.
error-child-protection-lead-required = Kailangang may pangunahing opisyal sa proteksyon ng bata sa mga kalahok para sa mga pasya tungkol sa placement, rekomendasyon ng detensyon, repatriyasyon o paghiwalay sa magulang.
error-child-not-heard = Maitatala lamang ang isang pasya kasama ang pananaw ng bata, o tala kung bakit hindi ito naibigay.
error-conference-minutes = Isulat ang katitikan ng case conference.
error-best-interests-required = Kailangan ng bawat pasya ang paliwanag kung paano ito para sa pinakamabuting interes ng bata.
error-invalid-dissent = Isulat ang pangalan ng kalahok na tumutol, ayon sa pagkakasulat nito sa listahan ng mga kalahok.
conference-heading = Mga case conference
conference-none = Wala pang naitatalang case conference.
conference-held-on = Idinaos noong
conference-participants = Mga kalahok
conference-participants-hint = Hindi bababa sa dalawang tao. Iwanang blangko ang hilera kung hindi ito kailangan.
conference-participant-name = Pangalan
conference-participant-org = Ahensya o organisasyon
conference-participant-role = Tungkulin sa case conference
conference-minutes = Katitikan
conference-best-interests = Bakit ito para sa pinakamabuting interes ng bata
conference-dissent = Pagtutol
conference-dissent-by = Sino ang tumutol (pangalan ayon sa listahan)
conference-decision = Pasya
conference-decision-kind = Uri ng pasya
conference-decision-text = Ano ang napagpasyahan
conference-lead-hint = Ang placement, rekomendasyon ng detensyon, repatriyasyon at paghiwalay sa magulang ay pinagpapasyahan lamang kapag naroon ang pangunahing opisyal sa proteksyon ng bata.
conference-tasks = Mga follow-up na gawain
conference-tasks-hint = Kung walang petsa, nakabatay sa prayoridad ang takdang petsa ng gawain: mataas sa loob ng 24 oras, katamtaman sa loob ng 3 araw, mababa sa loob ng 7 araw.
conference-task-text = Gawain
conference-task-assignee = Sino ang gagawa nito
conference-task-due = Takdang petsa
conference-record = Magtala ng case conference
conference-save = I-save ang case conference
conference-role-child_protection_lead = pangunahing opisyal sa proteksyon ng bata
conference-role-case_worker = case worker
conference-role-psychologist = sikologo
conference-role-health_worker = health worker
conference-role-teacher = guro
conference-role-legal_aid = tulong legal
conference-role-justice = opisyal ng hustisya
conference-role-caregiver = tagapag-alaga
conference-role-child = ang bata
conference-role-other = iba pa
conference-kind-care_plan = plano ng pangangalaga
conference-kind-placement = placement
conference-kind-detention_recommendation = rekomendasyon ng detensyon
conference-kind-repatriation = repatriyasyon
conference-kind-separation_from_parent = paghiwalay sa magulang
conference-kind-referral = referral
conference-kind-closure = pagsasara ng kaso
conference-kind-other = iba pa
household-heading = Sambahayan at pamilya
household-living = Kung saan nakatira ang bata
household-none = Walang naitalang miyembro ng pamilya.
household-caregiver = tagapag-alaga
household-lives-with-child = nakatira kasama ng bata
household-no-contact = walang pakikipag-ugnayan (alalahanin sa proteksyon)
household-edit = Baguhin ang sambahayan
household-remove-hint = Para alisin ang isang tao, burahin ang kanyang pangalan.
household-member = Miyembro ng pamilya
household-member-name = Pangalan
household-kinship = Kaugnayan sa bata
kinship-mother = ina
kinship-father = ama
kinship-sibling = kapatid
kinship-grandparent = lolo o lola
kinship-aunt_or_uncle = tiya o tiyo
kinship-other_relative = ibang kamag-anak
kinship-guardian = guardian
kinship-foster_carer = foster parent
kinship-other = iba pa
living-with_parents = kasama ang mga magulang
living-with_relatives = kasama ang mga kamag-anak
living-foster_family = foster family
living-residential_centre = residential center
living-detention = detensyon
living-independent = nagsasarili
living-unknown = hindi alam
tasks-title = Mga gawain
tasks-none = Walang gawaing dapat tapusin.
task-due = hanggang
task-mark-done = Tapos na
task-kind-conference = Gawain mula sa case conference
task-kind-assessment = Unang pagtatasa
task-kind-plan_review = Pagsusuri ng plano
task-kind-referral_answer = Sagutin ang referral
task-kind-referral_awaited = Referral na naghihintay ng sagot
task-kind-follow_up = Follow-up
task-urgency-overdue = lampas na sa takdang petsa
task-urgency-due_soon = dapat matapos sa loob ng 24 oras
task-urgency-later = sa ibang araw
action-status-planned = nakaplano
action-status-in_progress = isinasagawa
action-status-done = tapos na
action-status-dropped = itinigil
activity-stigma_reduction = pagbabawas ng stigma
activity-school_re_entry = muling pagpasok sa paaralan
activity-vocational_training = pagsasanay sa hanapbuhay
activity-peer_support = suporta ng mga kapantay
activity-family_support = suporta sa pamilya
activity-recreation = libangan at isports
plan-action-status = Status ng hakbang
plan-action-update = I-update
plan-action-activity = Aktibidad sa komunidad
error-caregiver-no-contact = Hindi maaaring tagapag-alaga ang isang tao at pinagbabawalan ding makipag-ugnayan sa bata: iwasto ang isa sa dalawa.

## Interviews and the repeat-interview guard (issue #5)
error-repeat-interview-reason-required = Kamakailan lamang nakapanayam ang bata. Isulat kung bakit hindi maaaring ipagpaliban ang panibagong panayam o palitan ito ng naitala na.
interview-heading = Mga panayam sa batang ito
interview-count = { $count ->
    [1] Nakapanayam na ang bata nang { $count } beses, sa lahat ng kaso.
   *[other] Nakapanayam na ang bata nang { $count } beses, sa lahat ng kaso.
}
interview-repeat-warning = Ang huling panayam ay { $days } araw na ang nakalipas ({ $count } sa kabuuan). Maaaring makasama sa bata ang panibagong panayam nang ganito kaaga: gamitin ang naitala na hangga't maaari.
interview-assessment = pagtatasa
interview-restricted = (hindi ibinahagi sa iyo ang layunin)
interview-record = Magtala ng panayam
interview-date = Petsa ng pagdaraos o nakaplanong petsa
interview-purpose = Layunin
interview-purpose-psychosocial = psychosocial
interview-purpose-health = kalusugan
interview-purpose-education = edukasyon
interview-purpose-family = paghahanap sa pamilya o gawain kasama ang pamilya
interview-purpose-justice = pulisya, prosekusyon o hukuman
interview-purpose-other = iba pa
interview-reason = Kung bakit kailangang kapanayamin muli ang bata
interview-reason-hint = Kailangan kapag nakapanayam ang bata sa loob ng { $days } araw bago o pagkatapos ng petsang ito.
interview-save = I-save ang panayam
assessment-chart = Mga kalakasan { $strengths_from } → { $strengths_to }, mga pangangailangan { $needs_from } → { $needs_to }, mula sa unang pagtatasa hanggang sa pinakahuli.
assessment-chart-legend = Sa ilalim ng bawat aspeto: ang mga kalakasan sa paglipas ng panahon (tuloy-tuloy na linya) at ang mga pangangailangan (putol-putol na linya); nasa kaliwa ang unang pagtatasa.
family-assessment-summary = Mga pagtatasa ng pamilya ayon sa aspeto
family-assessment-first = Wala pang pagtatasa sa pamilyang ito.
family-assessment-new = Bagong pagtatasa ng pamilya
tasks-more = { $count ->
    [1] Isa pang gawain na hindi gaanong apurahan ang hindi ipinapakita rito.
   *[other] { $count } pang gawain na hindi gaanong apurahan ang hindi ipinapakita rito.
}

## Child justice (issue #6)
task-kind-detention = Takdang oras ng detensyon
alert-forum = Nagbukas si { $who } ng paglilitis sa harap ng { $forum }: sa hukuman para sa mga bata dapat iharap ang bata.
certainty-verified = napatunayan sa mismong teksto
certainty-mentioned = mula sa pangalawang sanggunian
certainty-unverified = hindi pa nakukumpirma
justice-heading = Nasasakupan at paglilitis
justice-macr = Minimum na edad ng pananagutang kriminal: { $age } taong gulang. Sanggunian: { $source }.
justice-qualified = Kung wala pang { $age } taong gulang, may pananagutang kriminal lamang kapag napatunayan ang sapat na gulang ng isip o discernment. Sanggunian: { $source }.
justice-detention-age = Walang detensyon para sa batang wala pang { $age } taong gulang. Sanggunian: { $source }.
justice-pathway = Sa halip: { $pathway } (Sanggunian: { $source }.)
justice-forum = Hukuman o forum
justice-forum-alert = Hindi ito hukuman para sa mga bata: umiiral ang mga proteksyon ng hustisya para sa mga bata sa anumang forum, at naabisuhan na ang supervisor.
justice-offence = Ipinaparatang na paglabag
justice-offence-on = Petsa ng ipinaparatang na paglabag
justice-penalty = Pinakamataas na parusa ayon sa batas (taon)
justice-penalty-years = Pinakamataas na parusa ayon sa batas: { $years } taon
justice-repeat = Paulit-ulit na paglabag
justice-legal-aid = Tulong legal
justice-parents-notified = Naabisuhan ang mga magulang o guardian
justice-diversion-required = Kailangang subukan ang diversion para sa paglabag na ito. Sanggunian: { $source }.
justice-diversion-possible = Maaaring isagawa ang diversion; hindi ito iniuutos ng batas sa pagkakataong ito. Sanggunian: { $source }.
forum-children_court = hukuman para sa mga bata (Family Court)
forum-adult_court = hukuman para sa mga nasa hustong gulang
forum-military_or_special_court = hukumang militar o espesyal na hukuman
proceeding-status-open = bukas
proceeding-status-diversion = kasunduan sa diversion
proceeding-status-formal = pormal na paglilitis
proceedings-heading = Mga paglilitis
proceedings-none = Walang naitalang paglilitis.
proceedings-open = Magbukas ng paglilitis
proceedings-formal = Ituloy sa pormal na paglilitis
diversion-heading = Pagtatasa para sa diversion
diversion-first = Wala pang pagtatasa para sa diversion: nauuna ito sa pormal na paglilitis.
diversion-record = Itala ang pagtatasa para sa diversion
diversion-outcome = Kinalabasan
diversion-outcome-agreed = napagkasunduan ang diversion
diversion-outcome-not_agreed = sinubukan, hindi napagkasunduan
diversion-outcome-not_eligible = hindi pinapayagan ng batas ang diversion para sa paglabag na ito
detention-heading = Talaan ng detensyon
detention-none = Hindi naidetine ang bata.
detention-since = mula
detention-ended = natapos
detention-end-released = pinalaya
detention-end-transferred = inilipat
detention-release-required-banner = Iniuutos na ngayon ng batas ang pagpapalaya: naabot na ang limitasyong itinakda ng batas.
detention-new = Magtala ng panahon ng detensyon
detention-last-resort = Ang detensyon ay huling hakbang, sa pinakamaikling angkop na panahon. Itala ang kautusan, ang legal na batayan nito, ang mga alternatibong isinaalang-alang at kung bakit tinanggihan ang bawat isa.
detention-stage = Yugto
detention-started-at = Nakadetine mula (lokal na oras)
detention-order = Kautusan (reference no.)
detention-legal-basis = Legal na batayan
detention-alternatives = Mga alternatibong isinaalang-alang at kung bakit tinanggihan ang mga ito
detention-best-interests = Bakit ito para sa pinakamabuting interes ng bata
detention-place = Lugar ng detensyon
detention-separated = Nakahiwalay sa mga nasa hustong gulang
detention-register = Itala ang panahong ito
detention-change = Pagbabago
detention-change-release = pinalaya
detention-change-review = sinuri ang legalidad
detention-change-extend = pinalawig sa bisa ng kautusan
detention-change-transfer = inilipat sa susunod na yugto o lugar
detention-extension-order = Kautusan ng pagpapalawig (reference no. at petsa), o ang mga dahilan kung pinapayagan ng batas
error-below-minimum-age = Ang bata ay mas bata, o maaaring mas bata, kaysa sa minimum na edad ng pananagutang kriminal: hindi maaaring magkaroon ng paglilitis na kriminal o detensyon, anuman ang kanyang papel.
error-diversion-first = Nauuna ang pagtatasa para sa diversion: kapag iniuutos ng batas na subukan ito, kailangan itong gawin, at ang kasunduan sa diversion ay naglalayo sa bata sa pormal na paglilitis.
error-extension-order = Kailangan ng pagpapalawig ang kautusan nito (o, kung pinapayagan ng batas, ang mga dahilan).
clock-rule-limit = limitasyong itinakda ng batas
clock-rule-review = pagsusuri ng legalidad
clock-rule-charge = pagsasampa ng kaso o pagpapalaya
clock-rule-final_decision = pinal na desisyon
clock-rule-turnover = turnover sa tanggapan ng social welfare
clock-rule-handover = ulat at turnover sa tanggapan ng social welfare
clock-rule-first_appearance = pagharap sa hukuman o sa kinauukulang awtoridad
clock-state-running = tumatakbo
clock-state-warning = malapit na ang takdang oras
clock-state-ended_in_time = natapos sa takdang oras
clock-state-ended_late = naabot ang limitasyon bago napalaya
detention-expiry-release_required = kailangang palayain
detention-expiry-review_required = lampas na sa takdang pagsusuri
detention-expiry-turnover_required = lampas na sa takdang turnover
detention-expiry-bring_before_authority = lampas na sa takdang pagharap
stage-police_custody = kustodiya ng pulisya
stage-armed_conflict_custody = kustodiya matapos ang armadong labanan
stage-investigation = imbestigasyon
stage-prosecution = prosekusyon
stage-first_instance = hukuman sa unang antas
stage-appeal = apela
stage-cassation = kasasyon
stage-pretrial = detensyon bago ang paglilitis
stage-sentenced = nahatulan na
justice-expunge = Burahin ang mga rekord ng hustisya
justice-expunge-hint = Sa utos lamang ng hukuman. Sisirain ang susi ng bahaging ito: hindi na mababasa ninuman ang mga paglilitis, panahon ng pagkakakulong at mga tala ng hustisya. Mananatili ang ibang bahagi ng kaso.
justice-court-order = Utos ng hukuman (numero at petsa)
error-court-order = Kailangan ang utos ng hukuman para sa pagbura.
contact-heading = Pakikipag-ugnayan sa pamilya habang nakakulong
contact-none = Walang naitalang pakikipag-ugnayan sa pamilya. Dapat may dalaw linggo-linggo, at hindi bababa sa isang beses kada buwan.
contact-kind = Uri
contact-record = Itala ang pakikipag-ugnayan
contact-visit = dalaw
contact-call = tawag
contact-letter = sulat
report-open = Social case study report
report-title = Social case study report — { $reference }
report-prepared = Inihanda noong { $date } ni { $who }, mula sa mga talaan sa Pelita.
report-print-hint = I-print o i-save bilang PDF mula sa browser (Ctrl+P).
report-guard = Nakakita ang pansuri ng terminolohiya ng mga salitang nagdudulot ng stigma sa mga bata. Palitan ang mga ito sa plano bago isumite sa hukuman ang ulat na ito:
report-child-victim = Ang bata bilang biktima ng pangangalap at pagsasamantala
report-victim = Kinikilala ang bata bilang biktima mula noong { $since }. Ang mga batang may kaugnayan sa mga teroristang grupo at armadong grupo ay mga biktima una sa lahat; umiiral nang buo ang mga proteksyon ng hustisya para sa mga bata.
report-victim-not-recorded = Hindi pa naitatala ang mga pangyayari ng pangangalap o pagkakaugnay.
report-weigh = Dapat isaalang-alang sa paglilitis na ito ang pagiging biktima ng bata; dapat unahin ang mga alternatibo sa paglilitis at sa pagkakait ng kalayaan.
report-assessment = Mga kalakasan at pangangailangan (pinakahuling pagtatasa)
report-strengths = Mga kalakasan at mga salik na nagbibigay-proteksyon
report-needs = Mga pangangailangan
report-caregivers = { $count ->
    [1] May { $count } tagapag-alagang nakatala.
   *[other] May { $count } tagapag-alagang nakatala.
}
report-detention = { $stage } mula { $from }, { $days } araw
report-footer = Mga buod lamang ang nilalaman ng ulat na ito: walang tala ng panayam, walang eksaktong sipi ng mga sagot, walang salaysay. Kumpidensyal ito at hindi maaaring gamitin sa anumang paglilitis sa hinaharap kapag nasa hustong gulang na ang bata (Beijing Rules r.21).
justice-sealed = Selyado ang mga rekord ng hustisyang ito: sarado na ang kaso o 18 na ang bata. Mabubuksan lamang ang mga ito sa utos ng hukuman na itinala rito.
justice-open-sealed = Itala ang utos ng hukuman na nagbubukas sa mga ito
justice-opened-until = Binuksan ng utos ng hukuman hanggang { $until }.
certainty-override = itinakda ng administrator ng instalasyong ito
jurisdiction-rules = Mga tuntunin ng nasasakupan
override-title = I-override ang halaga ng isang tuntunin
override-rule = Tuntunin
override-value = Bagong halaga
override-reason = Dahilan (ang batas, ang petsa ng pagkakabisa nito, o kung bakit naiiba ang instalasyong ito; hindi bababa sa 20 karakter)
override-save = I-save ang override
override-saved = Na-save ang override at ipinapakita ito sa tabi ng halaga.
override-key-macr = Minimum na edad ng pananagutang kriminal
override-key-qualified_until = Edad ng ganap na pananagutang kriminal (may kondisyon kung mas bata rito)
override-key-detention_min_age = Minimum na edad para sa detensyon
override-key-time_zone = Time zone para sa mga takdang oras
error-override-reason = Kailangan ng dahilan ang override, na hindi bababa sa 20 karakter.
task-kind-diversion_breach = Hindi natupad ang kasunduan sa diversion
proceeding-status-diverted = natapos ang diversion (natupad ang kasunduan)
agreement-heading = Kasunduan sa diversion
agreement-record = Itala ang kasunduan sa diversion
agreement-conditions = Mga kondisyon
agreement-monitor = Sino ang sumusubaybay sa mga ito
agreement-until = Hanggang
agreement-summary = { $conditions } — tagasubaybay: { $monitor }, hanggang { $until }
agreement-event = Ang nangyari
agreement-event-completed = natupad
agreement-event-breached = hindi natupad
agreement-completed-on = Natupad noong { $on }.
agreement-breached-on = Hindi natupad noong { $on }: maaaring ipagpatuloy ang paglilitis.
agreement-breached-due = Hindi natupad noong { $on }: kailangang kumilos hanggang { $due } ({ $source }); maaaring ipagpatuloy ang paglilitis.
justice-diversion-excluded = Hindi pinapayagan ng batas ang diversion sa parusang ito. Sanggunian: { $source }.
justice-diversion-by = Diversion sa pamamagitan ng { $by }.
task-kind-diversion_offer = Mag-alok ng diversion

## Travel, origin and repatriation (issue 7)
abroad-title = Paglalakbay, pinagmulan at repatriyasyon
abroad-intro = Kung saan napunta ang bata, sino ang bata ayon sa mga dokumento, at ang pagbabalik ng bata, na pinagpapasyahan para sa batang ito lamang at para sa kanyang pinakamabuting interes. Karamihan sa mga batang naglakbay o ipinanganak sa ibang bansa ay walang aktibong papel; dito nagsisimula ang talaan.
repatriation-heading = Repatriyasyon
repatriation-none = Wala pang nabubuksang repatriyasyon para sa batang ito.
repatriation-open = Buksan ang repatriyasyon
repatriation-with = Kasamang naglalakbay (reference no. ng kaso ng isang kapamilya, opsyonal)
repatriation-with-hint = Magkakaugnay ang mga bata ng iisang pamilya, pero hiwalay na itinatala para sa bawat bata ang bawat hakbang at bawat pasya.
repatriation-with-unknown = Walang kasong may ganitong reference no. na maaari mong baguhin.
repatriation-phase = Yugto
repatriation-phase-before_border = Bago tumawid sa hangganan
repatriation-phase-at_border = Sa hangganan
repatriation-phase-after_border = Pagkatapos tumawid sa hangganan
repatriation-placement = Placement
repatriation-group = Kasamang naglalakbay
repatriation-group-hidden = isa pang bata (hindi ibinahagi sa iyo)
repatriation-group-hint = Hiwalay na pinagpapasyahan ang bawat bata: hindi umiiral sa batang ito ang pasya para sa kanyang kapatid.
repatriation-steps = Mga hakbang ng repatriyasyon
repatriation-step = Hakbang
repatriation-done = Natapos noong
repatriation-outstanding = Hindi pa tapos
repatriation-step-identity_verification = Pag-verify ng pagkakakilanlan
repatriation-step-nationality_verification = Pag-verify ng nasyonalidad
repatriation-step-best_interests_assessment = Pagtatasa ng pinakamabuting interes
repatriation-step-family_unity = Isinaalang-alang ang pagkakabuklod ng pamilya
repatriation-step-consent_and_views = Pahintulot at mga pananaw ng bata
repatriation-step-decision = Pasya sa repatriyasyon (case conference)
repatriation-step-arrival = Pagdating
repatriation-step-health_check = Pagsusuri sa kalusugan
repatriation-step-first_psychosocial = Unang psychosocial na pagtatasa
repatriation-step-documentation = Mga dokumento
repatriation-step-reception = Pagtanggap (sa center o sa pamilya)
repatriation-step-reintegration_plan = Naaprubahan ang plano para sa reintegrasyon
repatriation-from-identity_verification = Mula sa nakumpirmang pag-verify sa talaan ng pinagmulan
repatriation-from-nationality_verification = Kapag naitala bilang kumpirmado ang nasyonalidad
repatriation-from-best_interests_assessment = Mula sa pagtatasa ng pinakamabuting interes sa ibaba
repatriation-from-decision = Mula sa pasya ng isang case conference sa repatriyasyon ng batang ito
repatriation-from-arrival = Naitatala gamit ang “Itala ang pagdating”
repatriation-from-reception = Mula sa pagpasok sa isang center o sa placement sa isang pamilya
repatriation-from-reintegration_plan = Mula sa naaprubahang plano para sa reintegrasyon
repatriation-mark = Markahang tapos ang isang hakbang
repatriation-arrival = Itala ang pagdating
repatriation-arrival-hint = Pagkatapos lamang mapagpasyahan ng isang case conference ang repatriyasyon ng batang ito, sa araw ng pagdating o bago pa nito.
repatriation-arrived-on = Dumating noong
repatriation-place = Ilagay sa isang pamilya o sa komunidad
placement-reception_centre = reception center
placement-family = kasama ang pamilya
placement-family_based_care = pangangalagang nakabatay sa pamilya
placement-community = sa komunidad
origin-heading = Paglalakbay at pinagmulan
origin-none = Wala pang naitatala.
origin-edit = Itala ang paglalakbay at pinagmulan
origin-child-role = Ang papel ng bata
origin-no-active-role = Walang aktibong papel (ang panimulang palagay; kailangan ng sanggunian ang anumang ibang natuklasan)
origin-role-hint = Iwanang blangko ang natuklasan maliban kung may sanggunian na nagpapakitang may papel ang bata. Ang natuklasan ay isang pahayag tungkol sa bata: kailangan nito ng sanggunian.
origin-finding = Natuklasan tungkol sa papel ng bata (kung may sanggunian lamang)
origin-source = Sanggunian
origin-nationality = Nasyonalidad
origin-nationality-country = Bansa ng nasyonalidad (kumpirmado o inaangkin)
nationality-unknown = hindi alam
nationality-confirmed = kumpirmado
nationality-claimed = inaangkin
nationality-disputed = pinagtatalunan
nationality-at_risk_of_statelessness = nanganganib na mawalan ng anumang nasyonalidad (stateless)
origin-birth-registration = Pagpaparehistro ng kapanganakan
birth-registration-unknown = hindi alam
birth-registration-registered = nakarehistro
birth-registration-not_registered = hindi nakarehistro
origin-born-abroad = Ipinanganak sa ibang bansa
origin-not-born-abroad = Hindi ipinanganak sa ibang bansa
origin-country = Bansa
origin-place = Lugar
origin-birth-documents = Anong dokumento ang nagtatala ng kapanganakan
origin-rows-hint = Hindi sine-save ang mga hilerang iniwang blangko; burahin ang laman ng unang field ng isang hilera para alisin ito.
origin-stay = Bansa at panahon
origin-stay-kind = Uri ng pananatili
origin-from = Mula
origin-to = Hanggang (blangko kung naroon pa)
origin-still-there = naroon pa
origin-partial-hint = Mga petsa, kasing-tiyak ng nalalaman: 2016, 2016-05 o 2016-05-14.
stay-kind-lived = nanirahan
stay-kind-transit = dumaan lamang (transit)
stay-kind-camp = kampo
stay-kind-detention_abroad = detensyon sa ibang bansa
origin-parent-link = Kaugnayan ng magulang sa isang grupo
origin-parent = Magulang
origin-link = Ang kaugnayan ng magulang (tungkol sa magulang, hindi sa bata)
parent-mother = Ina
parent-father = Ama
parent-guardian = Guardian
origin-document = Dokumento ng pagkakakilanlan
origin-document-kind = Dokumento
origin-document-held = Hawak o nawawala
origin-issued-by = Bansang nag-isyu
document-held = hawak
document-missing = nawawala
document-kind-birth_certificate = sertipiko ng kapanganakan (birth certificate)
document-kind-passport = pasaporte
document-kind-national_id = pambansang ID
document-kind-family_card = family card
document-kind-travel_document = travel document
document-kind-camp_registration = rehistro sa kampo
document-kind-other = ibang dokumento
origin-verification = Pag-verify ng pagkakakilanlan
origin-verification-method = Paano
origin-verification-result = Resulta
origin-verified-by = Nag-verify (tao at institusyon)
origin-verified-on = Petsa ng pag-verify
verification-method-document = mga dokumento
verification-method-dna = DNA
verification-method-interview = panayam
verification-method-biometric = biometrics
verification-method-other = iba pa
verification-result-confirmed = kumpirmado
verification-result-not_confirmed = hindi kumpirmado
verification-result-pending = nakabinbin
country-BD = Bangladesh
country-ID = Indonesia
country-MY = Malaysia
country-MV = Maldives
country-PH = Pilipinas
country-SY = Syria
country-IQ = Iraq
country-TR = Türkiye
country-AF = Afghanistan
country-PK = Pakistan
country-IR = Iran
country-YE = Yemen
country-SO = Somalia
country-LY = Libya
country-EG = Ehipto
country-JO = Jordan
country-LB = Lebanon
country-SA = Saudi Arabia
country-QA = Qatar
country-AE = United Arab Emirates
country-IN = India
country-LK = Sri Lanka
country-MM = Myanmar
country-TH = Thailand
country-SG = Singapore
country-BN = Brunei
country-other = ibang bansa
best-interests-heading = Pinakamabuting interes ng bata
best-interests-intro = Sinusuri ng pagtatasa ng pinakamabuting interes ang kalagayan ng batang ito bago ang anumang pasya sa repatriyasyon. Ang paghiwalay ng bata sa magulang ay nangangailangan ng determinasyon ng isang panel na may hindi bababa sa tatlong miyembrong lumagda sa pangako ng pagiging kumpidensyal.
best-interests-none = Wala pang pagtatasa o determinasyon ng pinakamabuting interes.
bia-heading = Pagtatasa ng pinakamabuting interes
bia-record = Magtala ng pagtatasa ng pinakamabuting interes
bia-depth = Uri ng pagtatasa
bia-depth-short = maikli
bia-depth-comprehensive = komprehensibo
bia-findings = Mga natuklasan (kaligtasan, pangangalaga, pamilya, kalusugan, paglaki at pag-unlad, pagkakakilanlan)
bia-recommendation = Rekomendasyon
panel-heading = Determinasyon ng pinakamabuting interes ng isang panel
panel-record = Magtala ng determinasyon ng panel
panel-intro = Hindi bababa sa tatlong miyembro, na bawat isa ay lumagda sa pangako ng pagiging kumpidensyal at nagpahayag na wala siyang conflict of interest. Itala ang pagtutol kasama ang pangalan ng miyembro.
panel-question = Usaping pinagpasyahan
panel-question-separation_from_parent = paghiwalay sa magulang
panel-question-care_arrangement = kaayusan ng pangangalaga
panel-question-durable_solution = pangmatagalang solusyon
panel-member = Miyembro ng panel
panel-member-role = Propesyon o tungkulin
panel-undertaking = Lumagda sa pangako ng pagiging kumpidensyal
panel-members = Mga miyembro
panel-reasoning = Katwiran
panel-outcome = Determinasyon
panel-review-on = Petsa ng muling pagsusuri
reception-heading = Pananatili sa reception center
reception-none = Walang pananatili sa reception center.
reception-admit = Magtala ng pagpasok
reception-centre = Center
reception-block = Bahagi ng center (block)
reception-block-children = mga bata
reception-block-families = mga pamilya
reception-block-women = mga babae
reception-block-men = mga lalaki
reception-admitted = Petsa ng pagpasok
reception-every = Pagsusuri tuwing ilang araw (7 hanggang 180)
reception-planned-release = Nakaplanong paglabas
reception-days = Bilang ng araw sa center
reception-next-review = Susunod na pagsusuri
reception-review-overdue = Lampas na sa takdang pagsusuri mula noong
reception-review = Pagsusuri
reception-review-record = Magtala ng pagsusuri
reception-release = Itala ang paglabas
reception-release-to = Lumabas patungo sa
reception-released = Lumabas
task-kind-reception_review = Pagsusuri sa reception center
error-best-interests-assessment-required = Kailangan ng pasya sa repatriyasyon ang isang pagtatasa ng pinakamabuting interes ng batang ito, na may petsang kapareho o bago ang case conference. Itala muna ang pagtatasa.
error-panel-determination-required = Ang paghiwalay ng bata sa magulang ay nangangailangan ng determinasyon ng pinakamabuting interes ng isang panel, na may petsang kapareho o bago ang case conference. Itala muna ang determinasyon ng panel.
error-panel-too-small = Hindi bababa sa tatlo ang miyembro ng isang panel ng pinakamabuting interes.
error-repatriation-decision-required = Maitatala lamang ang pagdating pagkatapos mapagpasyahan ng isang case conference ang repatriyasyon ng batang ito (hindi binibilang ang pasya para sa kanyang kapatid).
error-phase-not-reached = Bahagi ang hakbang na ito ng mas huling yugto ng repatriyasyon.
error-finding-source-required = Kailangan ng sanggunian ang anumang natuklasan tungkol sa papel ng bata, o tungkol sa kaugnayan ng magulang.

## Indicators page (issue 7)
nav-indicators = Mga indicator
indicators-title = Mga indicator
indicators-intro = Mga pinagsama-samang bilang na kinuwenta mula lamang sa mga flag, petsa at yugto: walang bilang na nagpapangalan sa isang bata o nagbubukas ng selyadong rekord. Ang gitling ay nangangahulugang wala pang mabibilang.
indicators-scope-agency = Para sa mga kaso ng iyong ahensya.
indicators-scope-all = Para sa bawat ahensya sa instalasyong ito.
indicators-repatriation = Mga batang naglakbay o ipinanganak sa ibang bansa
indicators-justice = Hustisya para sa mga bata
indicator-none = —
indicator-children = Mga batang may talaan ng paglalakbay at pinagmulan o may repatriyasyon
indicator-pct_identity_or_nationality_documented = May dokumentadong pagkakakilanlan o nasyonalidad
indicator-pct_birth_registered = Nakarehistro ang kapanganakan
indicator-arrived = Dumating na sa bansa
indicator-placed_in_family_or_community = Inilagay sa isang pamilya o sa komunidad pagkatapos dumating
indicator-days_arrival_to_placement_mean = Bilang ng araw mula pagdating hanggang placement sa pamilya o sa komunidad (average)
indicator-days_arrival_to_placement_median = Bilang ng araw mula pagdating hanggang placement sa pamilya o sa komunidad (median)
indicator-separation_decisions = Mga batang may pasya tungkol sa paghiwalay sa magulang
indicator-pct_assessed_before_separation_decision = Sa kanila, may pagtatasa ng pinakamabuting interes bago ang pasya
indicator-children_in_detention = Mga batang pinagkakaitan ng kalayaan sa kasalukuyan
indicator-children_in_pre_sentence_detention = Sa kanila, wala pang pinal na hatol
indicator-pre_sentence_days_mean = Bilang ng araw sa detensyon bago ang pinal na hatol (average)
indicator-pre_sentence_days_median = Bilang ng araw sa detensyon bago ang pinal na hatol (median)
indicator-pct_diverted = Mga paglilitis na nagtapos sa kasunduan sa diversion
indicator-pct_custodial_sentences = Mga batang nasa pormal na paglilitis na nagsilbi ng parusang pagkakakulong
indicator-pct_not_separated_from_adults = Mga batang nakadetine ngayon na hindi lubos na nakahiwalay sa mga nasa hustong gulang
indicator-pct_family_contact_3_months = Mga batang nakadetine ngayon na may pakikipag-ugnayan sa pamilya sa nakalipas na 3 buwan
indicator-pct_limit_reached_without_release = Mga panahon ng detensyon na umabot sa limitasyong itinakda ng batas nang walang pagpapalaya (target 0)

## Date floor (issue 7)
error-date-too-early = Masyadong maaga ang petsang ito: walang anumang itinatala rito tungkol sa batang nasa pangangalaga ngayon ang maaaring may petsang bago ang taong 2000.

## Repatriation not pursued (issue 7)
repatriation-phase-not_pursued = Hindi itinutuloy
repatriation-end = Itala na hindi itinutuloy ang repatriyasyon
repatriation-end-hint = Bago tumawid sa hangganan lamang: halimbawa, kapag hindi ipinapayo ng pagtatasa ng pinakamabuting interes ang pagbabalik, o kapag tumanggi ang pamilya. Wala nang maitatala hanggang hindi ito ipinagpapatuloy.
repatriation-end-reason = Dahilan
repatriation-ended = Hindi itinutuloy mula noong
repatriation-resume = Ipagpatuloy ang repatriyasyon
error-repatriation-ended = Hindi itinutuloy ang repatriyasyon ng batang ito. Ipagpatuloy muna ito.
alert-refusals = Tinanggihan si { $who } nang { $count } beses sa pagbasa sa loob ng { $minutes } minuto: isang pattern na dapat suriin sa audit log.
circumstances-record = Itala kung paano naugnay ang bata
circumstances-record-hint = Kapag naitala, kinikilala ang bata bilang biktima ng pangangalap at pagsasamantala, nang permanente.
circumstances-record-button = Itala at kilalanin bilang biktima
circumstances-already = Naitala na ang mga pangyayari: kinikilala nang biktima ang bata.
alert-what-identity = itinama ang pagkakakilanlan ng bata
alert-what-team = binago ang team o ang pagtatalaga
alert-what-interview = naitala ang isang panayam
alert-what-justice = binago ang mga rekord ng hustisya
alert-what-repatriation = binago ang repatriyasyon
alert-what-task = minarkahang tapos ang isang gawain
refusals-title = Mga pagbasang tinanggihan
refusals-none = Walang pagbasang tinanggihan.

## wt-h6
admin-translations = Mga salin
admin-translations-intro = Ilan ang mensahe sa bawat wika, at ilan dito ang nakumpirma ng isang katutubong tagasuri na nagtatrabaho sa larangan. Itinatala ang kumpirmasyon sa tabi ng salin; nasa glosaryo ng bawat bansa ang mga termino ng batas nito.
admin-messages = Mga mensahe
admin-confirmed = Nakumpirma ng katutubong tagasuri
admin-confirmed-count = { $confirmed } sa { $messages }
admin-source-language = Pinagmulang wika

## wt-h8
journey-heading = Ang paglalakbay ng bata
journey-recorded = (nakatalang status: { $status })
journey-days = { $count } araw
journey-hours = { $count } oras
journey-days-hours = { $days } at { $hours }
journey-under-hour = wala pang isang oras
next-heading = Susunod na hakbang:
next-detention-left = Detensyon: { $left } na lang ang natitira
next-detention-over = Detensyon: lumampas na ang takdang oras { $left } na ang nakalipas
next-assessment-left = Ang unang pagtatasa ay dapat sa loob ng { $left }
next-assessment-over = Huli na ng { $left } ang unang pagtatasa
next-assessment = Hindi pa naitatala ang unang pagtatasa
next-plan-write = Isulat ang plano para sa reintegrasyon
next-plan-approve = Naghihintay ng pag-apruba ang plano
next-review-in = Ang pagsusuri ng plano ay dapat sa loob ng { $left }
next-review-today = Ang pagsusuri ng plano ay dapat ngayong araw
next-review-over = Huli na ng { $left } ang pagsusuri ng plano
menu-label = Mga bahagi ng kasong ito
menu-empty = walang laman
menu-justify = kailangan ng dahilan
line-restricted = Hindi ipinapakita sa iyong tungkulin
timeline-heading = Ang paglalakbay ng bata hanggang ngayon
timeline-registered = Nairehistro
timeline-assessed = Pagtatasa
timeline-conference = Case conference
timeline-plan = Naaprubahan ang plano
timeline-referral = Referral sa ibang ahensya
timeline-detention = Nagsimula ang detensyon
timeline-release = Pinalaya mula sa detensyon
timeline-repatriation = Binuksan ang repatriyasyon
timeline-arrival = Nakauwi na
timeline-reception = Ipinasok sa reception center
timeline-closed = Isinara ang kaso
viewers-views = { $count } beses tiningnan
viewers-last = huli
viewers-justified = binuksan nang may dahilan
viewers-more = at { $count } pang tao
history-child-register = Inirehistro ang bata
history-child-update_identity = Itinama ang pagkakakilanlan ng bata: { $fields }
history-child-erase = Binura ang personal na datos ng bata
history-case-record_circumstances = Itinala kung paano naugnay ang bata
history-case-move = Inilipat ang kaso mula { $from } patungong { $to }
history-case-priority = Binago ang prayoridad mula { $from } patungong { $to }
history-case-assign = Itinalaga ang kaso kay { $name }
history-case-team_add = Idinagdag si { $name } sa team
history-case-handed_over_by = Itinala kung sino ang nag-abot ng bata
history-case-note = Nagdagdag ng tala sa { $section }
history-access-break_glass = Binuksan ang { $section } nang may nakasulat na dahilan
history-assessment-record = Nagtala ng pagtatasa
history-interview-record = Nagtala ng panayam
history-consent-record = Nagtala ng desisyon sa pahintulot
history-referral-create = Ini-refer ang kaso sa ibang ahensya
history-referral-move = Binago ang isang referral
history-plan-save = Sinave ang plano para sa reintegrasyon
history-plan-approve = Inaprubahan ang plano para sa reintegrasyon
history-plan-action = Binago ang isang aksyon ng plano
history-followup-record = Nagtala ng follow-up na pagbisita
history-conference-record = Nagtala ng case conference
history-task-complete = Minarkahang tapos ang isang gawain
history-household-save = Sinave ang sambahayan
history-proceeding-open = Nagbukas ng paglilitis
history-proceeding-diversion = Nagtala ng pagtatasa para sa diversion
history-proceeding-formal = Inilipat ang paglilitis sa pormal na proseso
history-proceeding-agreement = Nagtala ng kasunduan sa diversion
history-proceeding-agreement_event = Itinala kung paano nagwakas ang kasunduan sa diversion
history-detention-start = Nagtala ng detensyon
history-detention-change = Nagtala ng pagbabago sa detensyon
history-justice-family_contact = Nagtala ng ugnayan sa pamilya habang nakadetine
history-justice-open_sealed = Nagtala ng utos ng hukuman na nagbubukas ng mga selyadong talaan
history-justice-expunge = Binura ang mga talaan ng paglilitis ayon sa utos ng hukuman
history-origin-save = Itinala ang paglalakbay at pinagmulan ng bata
history-repatriation-open = Binuksan ang repatriyasyon
history-repatriation-step = Nagtala ng hakbang sa repatriyasyon
history-repatriation-placement = Itinala kung saan titira ang bata pagbalik
history-repatriation-arrival = Itinala ang pagdating ng bata
history-repatriation-end = Itinalang hindi na itutuloy ang pagbabalik
history-repatriation-resume = Itinuloy muli ang repatriyasyon
history-reception-admit = Nagtala ng pagpasok sa reception center
history-reception-review = Nagtala ng pagsusuri sa pananatili sa reception center
history-reception-release = Nagtala ng paglabas mula sa reception center
history-best_interests = Nagtala ng pagtatasa ng pinakamabuting interes o ng pagpapasya
history-other = Gumawa ng pagbabago sa kaso

## wt-h7
work-counts = Mga kailangang gawin
work-count-overdue = { $count ->
    [1] 1 lampas na sa takdang oras
   *[other] { $count } lampas na sa takdang oras
}
work-count-today = { $count ->
    [1] 1 dapat matapos ngayon
   *[other] { $count } dapat matapos ngayon
}
work-count-referrals = { $count ->
    [1] 1 referral na naghihintay ng aming sagot
   *[other] { $count } referral na naghihintay ng aming sagot
}
work-count-approvals = { $count ->
    [1] 1 plano na aaprubahan
   *[other] { $count } plano na aaprubahan
}
work-count-detention = { $count ->
    [1] 1 orasan ng detensyon na malapit na o lampas na
   *[other] { $count } orasan ng detensyon na malapit na o lampas na
}
work-days = { $count ->
    [1] 1 araw
   *[other] { $count } araw
}
work-hours = { $count ->
    [1] 1 oras
   *[other] { $count } oras
}
work-minutes = { $count ->
    [1] 1 minuto
   *[other] { $count } minuto
}
work-left = { $time } pa ang natitira
work-late = huli nang { $time }
work-zone = Mga oras sa pahinang ito: { $zone }
work-the-system = ang sistema
work-someone = isang kasamahan
work-today = ngayong araw
work-on-day = noong { $date }
work-alert-changes = { $count ->
    [1] 1 pagbabago
   *[other] { $count } pagbabago
}
work-alert-summary = { $changes } kay { $child } ni { $who }, { $when }
work-alert-summary-nobody = { $changes } kay { $child }, { $when }
work-alert-dismiss = Isara
work-all-tasks = Ipakita lahat ng aking gawain
work-due-label = Takdang oras
work-due-overdue = lampas na
work-due-today = dapat matapos ngayon
work-sort-label = Ayusin ayon sa
work-sort-priority = prayoridad
work-sort-updated = huling pagbabago
work-sort-reference = numero ng kaso
work-sort-status = yugto
work-any = lahat
work-apply = Ipakita
work-clear = Alisin ang mga filter
work-cases-title = Aking mga kaso
work-cases-none-match = Walang bukas mong kaso na tumutugma sa mga filter na ito.
work-cases-match = { $count ->
    [1] 1 kaso ang tumutugma.
   *[other] { $count } kaso ang tumutugma.
}
work-pages = Mga pahina ng aking mga kaso
work-page-of = Pahina { $page } sa { $pages }
work-prev = Nakaraan
work-next = Susunod
work-queue-title = Naghihintay ng iyong pasya
work-queue-plans = Mga planong aaprubahan
work-queue-no-plans = Walang plano sa iyong ahensya na naghihintay ng pag-apruba.
work-queue-saved = na-save
work-queue-closures = Walang katayuang naghihintay ang pagsasara ng kaso sa Pelita: isinasara mo ang kaso mula sa pahina nito, kasama ang iyong pasya at ang dahilan.
work-team-title = Iyong koponan
work-team-none = Wala pang tauhan ng iyong ahensya na nagtatrabaho kasama ng mga bata.
work-team-cases = { $count ->
    [1] 1 bukas na kaso
   *[other] { $count } bukas na kaso
}
work-intro-liaison = Nakikita mo ang yugto ng mga kaso ng mga batang iniabot ng iyong serbisyo, kasama ang pangalan at edad ng bawat bata, at wala nang iba pa. Para hanapin ang isa, maghanap gamit ang numero ng kaso o ang pangalan ng bata.
work-intro-liaison-go = Maghanap
work-intro-researcher = Mga bilang ang iyong gawain, hindi ang rekord ng isang bata: binibilang ng mga indicator ang paglalakbay ng mga bata nang walang pinapangalanan.
work-intro-researcher-go = Buksan ang mga indicator
work-intro-auditor = Sinusuri mo kung sino ang bumasa at nagbago ng ano: ang audit chain, ang access log at ang mga pagbasang tinanggihan. Ang pagbukas ng kaso ay nangangailangan ng nakasulat na katwiran, na ipinapaalam sa mga superbisor nito.
work-intro-auditor-go = Buksan ang audit
work-intro-admin = Ikaw ang namamahala sa mga account, ahensya at halaga ng mga tuntunin; hindi para sa iyo ang pagbasa ng mga rekord ng mga bata.
work-intro-admin-go = Buksan ang administrasyon

## wt-lead
error-status-needs-records = Nagiging “Na-assess” ang kaso kapag naitala ang isang pagtatasa, at “May plano na” o “Isinasagawa” kapag naaprubahan ang plano nito. Itala muna iyon: susunod na kusa ang status.

## wt-phone
choose-one = Pumili…
register-sex-required = Piliin ang kasarian ng bata, o “Hindi naitala”.
assessment-assent-required = Sabihin kung pumayag ang bata.
assessment-no-answer = Walang sagot
assessment-go-to-refused = Pumunta sa tanong
plan-action-agency-required = Piliin ang ahensyang gagawa ng aksyong ito.
detention-change-required = Piliin ang pagbabagong itatala.
victim-short = Biktima

## wt-search
search-query-any = Pangalan sa anumang sistema ng pagsulat, o numero ng kaso
search-hints = Ang alam mo tungkol sa bata (hindi kailangan)
search-hints-hint = Ginagamit ang mga ito para isaayos ang mga batang magkasintugma ang pangalan. Ang rekord na iba ang sinasabi ay mapupunta sa ibaba; hindi ito itinatago.
search-any = Kahit ano
search-age = Edad (taon) o taon ng kapanganakan
search-age-invalid = Ilagay ang edad sa taon (hanggang 30) o ang taon ng kapanganakan, gaya ng 2014.
search-place = Bansa
search-more = May iba pang batang kasintugma ng pangalan ng mga huling ipinakita. Magdagdag ng apelyido, kasarian, edad o bansa para paliitin ang paghahanap.
search-why-reference = numero ng kaso
search-why-name-same = parehong pangalan
search-why-name-variant = ibang baybay ng pangalan
search-why-name-old-spelling = ang pangalan sa lumang baybay
search-why-name-prefix = tugma ang simula ng pangalan
search-why-name-similar = katulad na pangalan
search-why-sex-same = parehong kasarian
search-why-sex-differs = ibang kasarian ang nakatala
search-why-age-same = tugma ang edad
search-why-age-differs = ibang edad ang nakatala
search-why-place-same = parehong bansa
search-why-place-differs = ibang bansa
matches-elsewhere = { $count ->
    [1] Isang posibleng katugma ang hawak ng ibang ahensya: hindi ipinapakita ang pangalan nito.
   *[other] { $count } posibleng katugma ang hawak ng ibang ahensya: hindi ipinapakita ang kanilang mga pangalan.
}
conference-staff-search = Maghanap ng tao ayon sa pangalan
conference-staff-none = Walang may ganitong pangalan sa mga ahensya ng kasong ito.

## wt-forms
form-refused = Walang nai-save.
form-refused-go = Pumunta sa form para itama ito
error-not-a-date = Hindi ito petsa. Ilagay ang araw, buwan at taon.
error-not-a-time = Hindi ito petsa at oras. Ilagay ang araw, buwan, taon at oras.
error-choose-option = Pumili ng isa sa mga opsiyong ibinigay.
error-justification = Isulat kung bakit kailangan mong buksan ang seksyong ito: 10 hanggang 500 karakter, sa iisang linya.
error-consent-purposes = Markahan ang kahit isang layuning ipinaliwanag.
error-consent-decision = Itala ang pasya ng bata, ng tagapag-alaga, o ng dalawa.
error-expiry-before-date = Ang petsa ng pag-expire ay bago ang araw ng pasya: hindi maaaring mag-expire ang pahintulot bago ito ibinigay.
error-expiry-without-consent = Tanging ang pahintulot na ibinigay ang may petsa ng pag-expire. Iwanang blangko ang petsa ng pag-expire kung walang ibinigay.
error-plan-action-without-goal = Ang bawat hakbang ay para sa isang layunin: isulat ang layunin ng hakbang na ito.
error-penalty-years = Isulat ang pinakamabigat na parusa bilang buong bilang ng taon.
error-referral-agency = Piliin ang ahensiyang pagre-referan sa bata.
error-referral-sections = Markahan ang mga seksyong ibabahagi: kahit isa, at tanging ang mga maaaring basahin ng propesyon ng tatanggap na ahensiya.
consent-round-purposes = Mga layuning ipinaliwanag
consent-not-asked = Hindi tinanong dito
consent-needed = Kailangan sa edad ng batang ito.
consent-not-needed = Hindi kailangan sa edad ng batang ito; itinatala kung tinanong.
consent-round-expires-hint = Para sa mga pahintulot na ibinigay, hindi sa mga pagtanggi o pagbawi.
consent-round-save = Itala ang mga pasyang ito
error-referral-decline-reason = Isulat kung bakit tumatanggi ang inyong ahensiya: kailangan ito ng manggagawang nag-refer sa bata para makahanap ng ibang serbisyo.
error-referral-feedback = Isulat ang feedback para sa manggagawang nag-refer sa bata: ano ang nagawa at ano ang susunod.
error-diversion-not-eligible = Dito, iniuutos ng batas na subukan ang diversion para sa paglabag na ito: hindi maitatala ang "hindi kwalipikado". Itala kung may naabot na kasunduan.
error-detention-penalty = Dito, ang pagkulong bago ang hatol ay para lamang sa paglabag na may pinakamababang parusang itinakda ng batas: itala muna ang paglilitis at ang pinakamabigat na parusa nito.
error-extension-late = Balido lamang ang pagpapalawig kung iniutos bago ang takdang panahong pinalalawig nito, at lumipas na ang takdang panahong iyon.
error-release-only = Lumipas na ang takdang panahong pagkatapos nito ay iniuutos ng batas ang pagpapalaya: pagpapalaya lamang ang maaaring itala.

## wt-resume
session-expired-kept = Natapos na ang iyong session, pero itinabi para sa iyo ang sine-save mo. Mag-sign in muli para maipadala ito.
resume-title = Naitabi ang iyong ginawa
resume-intro = Tapos na ang iyong session nang ipadala mo ang form na ito noong { $when }, kaya walang na-save. Itinabi ito para sa iyo lamang, sa loob ng isang araw ng trabaho.
resume-typed = Ang isinulat mo
resume-send = Ipadala ngayon
resume-after = Kapag ipinadala, mase-save ito gaya ng gagawin ng form; kung may kailangang baguhin, babalik ang form kasama ang iyong isinulat.
resume-discard = Itapon
resume-open-case = Buksan na lang ang kaso
resume-gone = Walang naghihintay dito: ang naitabi ay naipadala na, itinapon, o nag-expire na.
draft-offer = May mga sagot kang na-type noong { $when } na hindi na-save.
draft-restore = Ibalik ang mga ito
draft-discard = Itapon
draft-saved = Naitabi ang draft
draft-not-saved = Hindi maitabi ang draft. Narito pa rin ang iyong isinulat.
draft-signed-out = Natapos na ang iyong session: hindi naitabi ang draft. Narito pa rin ang iyong isinulat; kapag sine-save ang form, hihilingin sa iyong mag-sign in muli at itatabi ito.
guard-live-title = Bago mag-save: mga salitang dapat pag-isipang muli
work-alerts-more = { $count ->
    [1] Mga pagbabago sa 1 pang kaso
   *[other] Mga pagbabago sa { $count } pang kaso
}
work-alerts-all = Ipakita lahat
