# Awaits review by a native speaker.
# Pelita — Bahasa Melayu (ms), tulisan Rumi.
app-name = Pelita
skip-to-content = Langkau ke kandungan
translation-note = Terjemahan ini menunggu semakan oleh penutur asli.
language = Bahasa
nav-my-work = Tugasan saya
nav-register = Daftar kanak-kanak
nav-search = Cari
nav-admin = Pentadbiran
nav-audit = Log audit dan akses
nav-profile = Profil
sign-out = Log keluar
demo-banner = Data demonstrasi. Log masuk faktor kedua dimatikan.

## Log masuk
signin-title = Log masuk
username = Nama pengguna
password = Kata laluan
signin-button = Log masuk
signin-failed = Nama pengguna atau kata laluan tidak betul, atau akaun dikunci selama beberapa minit selepas cubaan berulang.
session-expired = Sesi anda telah tamat. Sila log masuk semula.
totp-title = Langkah kedua
totp-code = Kod enam digit daripada aplikasi pengesah anda
totp-verify = Sahkan
totp-failed = Kod itu tidak betul atau telah pun digunakan.
totp-enrol-title = Sediakan aplikasi pengesah anda
totp-enrol-help = Imbas kod ini dengan aplikasi pengesah, atau taip kunci di bawah, kemudian masukkan kod enam digit yang dipaparkannya.
totp-secret = Kunci
totp-enrolled = Aplikasi pengesah anda telah disediakan.

## Tugasan saya
mywork-title = Tugasan saya
mywork-empty = Tiada kes yang ditugaskan kepada anda.
mywork-count = { $count ->
    [one] Satu kes ditugaskan kepada anda.
   *[other] { $count } kes ditugaskan kepada anda.
}
col-reference = Rujukan
col-child = Kanak-kanak
col-age = Umur
col-status = Status
col-priority = Keutamaan
col-updated = Dikemas kini

## Pendaftaran
register-title = Daftar kanak-kanak
register-intro = Sebelum menyimpan, Pelita memaparkan kanak-kanak yang sudah direkodkan dengan nama yang serupa, supaya kanak-kanak yang sama tidak didaftarkan dua kali.
given-name = Nama diri
family-name = Nama keluarga
family-name-hint = Biarkan kosong jika kanak-kanak tiada nama keluarga.
latin-transliteration = Dalam huruf Rumi (pilihan)
alias = Nama lain atau alias (pilihan)
sex = Jantina
sex-female = Perempuan
sex-male = Lelaki
sex-other = Lain-lain
sex-not_recorded = Tidak direkodkan
birth = Tarikh lahir
birth-precision = Sejauh manakah ketepatannya diketahui?
precision-exact = Tarikh tepat
precision-month = Bulan dan tahun
precision-year = Tahun sahaja
precision-estimated = Umur anggaran
precision-unknown = Tidak diketahui
birth-date = Tarikh
birth-year = Tahun
birth-month = Bulan
estimated-age = Anggaran umur (tahun)
estimated-margin = Lebih kurang (tahun)
evidence = Sumber tarikh lahir
evidence-document = Dokumen
evidence-assessment = Penilaian umur
evidence-declaration = Akuan
priority = Keutamaan
priority-high = Tinggi
priority-medium = Sederhana
priority-low = Rendah
priority-reason = Sebab keutamaan
recruitment-known = Keadaan perekrutan atau kaitan diketahui
association = Kaitan
association-recruited = Direkrut atau digunakan oleh kumpulan
association-through_family = Melalui ibu bapa atau saudara
association-travelled_with_family = Pergi ke luar negara bersama keluarga
association-born_abroad = Lahir di luar negara kepada ibu bapa yang dikaitkan dengan kumpulan
association-other = Lain-lain
register-check = Semak rekod sedia ada
register-save = Daftar
register-anyway = Tiada seorang pun daripada mereka ialah kanak-kanak yang sama: daftar
matches-title = Kanak-kanak yang sudah direkodkan dengan nama serupa
matches-none = Tiada kanak-kanak dalam rekod yang mempunyai nama serupa.
match-likely = Berkemungkinan besar kanak-kanak yang sama
match-possible = Mungkin kanak-kanak yang sama
register-done = Kanak-kanak itu telah didaftarkan sebagai { $reference }.

## Kes
case-title = Kes { $reference }
victim-recognised = Diiktiraf sebagai mangsa perekrutan dan eksploitasi
victim-not-recorded = Keadaan belum direkodkan
age = Umur
age-unknown = Tidak diketahui
age-years = { $range } tahun
presumed-child = Dilayan sebagai kanak-kanak (anggapan di bawah umur)
age-precision = Ketepatan: { $precision }
status = Status
status-identified = Dikenal pasti
status-registered = Didaftarkan
status-assessed = Dinilai
status-planned = Pelan disediakan
status-in_progress = Dalam tindakan
status-closed = Ditutup
status-transferred = Dipindahkan
assigned-to = Ditugaskan kepada
unassigned = Belum ditugaskan
section-status = Status
section-identity = Identiti
section-contact = Maklumat perhubungan
section-circumstances = Keadaan
section-psychosocial = Psikososial
section-health = Kesihatan
section-education = Pendidikan
section-family = Keluarga
section-justice = Keadilan
section-plan = Pelan
section-participation = Penyertaan
section-restricted = Terhad: peranan dan hubungan anda dengan kes ini tidak merangkumi bahagian ini.
section-justify = Anda boleh membuka bahagian ini dalam keadaan kecemasan. Tulis sebabnya; penyelia kes ini akan dimaklumkan.
justification = Mengapa anda perlu membaca ini sekarang
open-section = Buka bahagian ini
nothing-recorded = Belum ada apa-apa yang direkodkan.
aliases = Nama lain
erased = Data kanak-kanak ini telah dipadamkan.
notes = Catatan kes
add-note = Tambah catatan
note-text = Catatan
note-save = Simpan catatan
terminology-warning = Pertimbangkan perkataan lain bagi “{ $term }”. Cadangan: { $alternatives }.
history = Sejarah
history-empty = Tiada perubahan direkodkan.
move-to = Pindahkan kes ke
move-reason = Sebab (diperlukan untuk menutup atau memindahkan kes)
move-button = Pindahkan

## Carian
search-title = Carian
search-query = Nama, dalam apa-apa tulisan
search-button = Cari
search-none = Tiada kanak-kanak dijumpai.
search-results = Kanak-kanak yang dijumpai

## Profil
profile-title = Profil
change-password = Tukar kata laluan
current-password = Kata laluan semasa
new-password = Kata laluan baharu
password-changed = Kata laluan anda telah ditukar.
active-sessions = Sesi aktif
end-other-sessions = Tamatkan sesi saya yang lain
other-sessions-ended = Sesi anda yang lain telah ditamatkan.
session-started = Dimulakan
session-last-seen = Kali terakhir aktif
this-session = Sesi ini
save = Simpan

## Pentadbiran
admin-title = Pentadbiran
admin-no-case-content = Pentadbir menguruskan pengguna dan agensi; mereka tidak melihat kandungan kes.
users = Pengguna
agencies = Agensi
create-user = Cipta pengguna
create-agency = Cipta agensi
display-name = Nama penuh
role = Peranan
agency = Agensi
agency-code = Kod
agency-name = Nama
sector = Sektor
jurisdiction = Bidang kuasa
disable = Nyahaktifkan
disabled = Tidak aktif
active = Aktif
role-case_worker = Pegawai kes
role-supervisor = Penyelia
role-psychologist = Ahli psikologi
role-health = Petugas kesihatan
role-education = Guru atau pegawai pendidikan
role-justice = Pegawai sistem keadilan
role-security_liaison = Pegawai perhubungan keselamatan
role-researcher = Penyelidik
role-administrator = Pentadbir
role-auditor = Juruaudit
sector-child_protection = Perlindungan kanak-kanak dan kebajikan sosial
sector-health = Kesihatan
sector-education = Pendidikan
sector-justice = Keadilan
sector-security = Keselamatan
sector-civil_society = Masyarakat sivil
user-created = Pengguna telah dicipta.
agency-created = Agensi telah dicipta.

## Audit
audit-title = Log audit
access-log-title = Log akses
audit-chain-ok = Rantaian audit utuh ({ $events } peristiwa).
audit-chain-broken = Rantaian audit terputus: { $detail }
col-time = Masa
col-actor = Siapa
col-action = Tindakan
col-subject = Subjek
col-section = Bahagian
col-justification = Justifikasi
who-viewed = Siapa yang melihat kes ini

## Ralat
error-required = Medan ini wajib diisi.
error-too-long = Ini terlalu panjang (maksimum { $max } aksara).
error-control-characters = Ini mengandungi aksara yang tidak dibenarkan.
error-impossible-date = Tarikh ini tidak wujud.
error-date-in-future = Tarikh ini pada masa hadapan.
error-implausible-age = Umur ini tidak munasabah.
error-invalid = Nilai ini tidak sah.
error-reason-required = Sebab diperlukan.
error-invalid-transition = Kes tidak boleh dipindahkan ke status itu daripada status semasanya.
error-victim-status-permanent = Status mangsa yang telah diiktiraf tidak boleh dibuang.
error-password-short = Gunakan sekurang-kurangnya 12 aksara.
error-password-long = Gunakan tidak lebih daripada 128 aksara.
error-password-common = Kata laluan ini terlalu biasa; pilih yang lain.
error-password-wrong = Kata laluan semasa tidak betul.
error-csrf = Borang ini telah tamat tempoh. Sila cuba lagi.
error-not-found = Tidak dijumpai.
error-forbidden = Anda tidak mempunyai akses kepada ini.
error-too-large = Apa yang anda hantar terlalu besar.
error-generic = Berlaku masalah. Tiada apa-apa yang disimpan. Sila cuba lagi.
error-conflict = { $detail }
errors-above = Sila betulkan medan yang ditandakan.

## Months
month-1 = Januari
month-2 = Februari
month-3 = Mac
month-4 = April
month-5 = Mei
month-6 = Jun
month-7 = Julai
month-8 = Ogos
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Disember

## Alerts
alerts-title = Amaran
alert-break-glass = Seorang rakan sekerja membuka bahagian terhad sesuatu kes dengan justifikasi.

## Editing
edit-identity = Betulkan nama, jantina atau umur
add-age-evidence = Tambah bukti umur (biarkan kosong untuk mengekalkan umur sedia ada)
account-actions = Ubah akaun
account-action = Tindakan
change-role = Tukar peranan
reset-second-factor = Set semula faktor kedua (telefon hilang)

## Consent ledger (issue 5)
consent-heading = Persetujuan dan kerelaan kanak-kanak
consent-empty = Belum ada apa-apa yang direkodkan dalam buku rekod persetujuan.
consent-ledger = Buku rekod (setiap entri disimpan)
consent-standing = Kedudukan setiap tujuan pada hari ini
consent-voice-not_asked = Pada umur ini, pengasuh atau penjaga yang memberikan persetujuan; kanak-kanak diberitahu tentang apa yang akan berlaku.
consent-voice-assent = Pada umur ini, kanak-kanak menyatakan kerelaannya dan pengasuh atau penjaga memberikan persetujuan. Penolakan kanak-kanak tetap dihormati.
consent-voice-consent = Pada umur ini, kanak-kanak sendiri memberikan persetujuan termaklum.
consent-purpose-assessment = Penilaian
consent-purpose-information_sharing = Perkongsian maklumat dengan agensi lain
consent-purpose-research = Kegunaan penyelidikan (tanpa mendedahkan identiti kanak-kanak)
consent-purpose-photographs = Gambar foto
consent-purpose-referral = Rujukan kepada sektor { $sector }
consent-giver-child = Kanak-kanak itu
consent-giver-caregiver = Pengasuh
consent-giver-guardian = Penjaga yang sah di sisi undang-undang
consent-party-child = Kanak-kanak itu
consent-party-caregiver = Pengasuh atau penjaga
consent-decision-given = Diberikan
consent-decision-refused = Ditolak
consent-decision-withdrawn = Ditarik balik
consent-state-given = { $party }: bersetuju pada { $date }
consent-state-missing = { $party }: belum ditanya
consent-state-refused = { $party }: menolak pada { $date }
consent-state-withdrawn = { $party }: menarik balik persetujuan pada { $date }
consent-state-expired = { $party }: luput pada { $date }
consent-allows = Dipersetujui
consent-blocked = Tidak dipersetujui
consent-purpose = Tujuan
consent-giver = Diberikan oleh
consent-decision = Keputusan
consent-date = Tarikh
consent-expires = Tarikh luput (pilihan)
consent-note = Bagaimana perkara ini diterangkan dan siapa yang hadir (pilihan)
consent-record = Tambah ke dalam buku rekod
consent-recorded-by = Direkodkan oleh
error-consent-nothing-to-withdraw = Tiada persetujuan daripada orang ini bagi tujuan ini yang boleh ditarik balik.

## Referrals (issue 5)
referrals-heading = Rujukan
referrals-empty = Kes ini belum dirujuk.
referrals-inbox = Rujukan kepada agensi anda
referral-new = Rujuk kepada agensi lain
referral-to = Rujuk kepada
referral-sections = Bahagian yang dikongsi
referral-reason = Sebab rujukan, dan apa yang diperlukan oleh kanak-kanak daripada perkhidmatan ini
referral-override = Keputusan penyelia untuk mengatasi buku rekod persetujuan (hanya apabila persetujuan tidak membenarkan rujukan ini)
referral-override-help = Biarkan kosong kecuali anda seorang penyelia dan keselamatan kanak-kanak memerlukan rujukan ini tanpa persetujuan. Justifikasi ini disimpan, diaudit dan dipaparkan bersama rujukan.
referral-send = Hantar rujukan
referral-overridden = Dihantar tanpa persetujuan atas keputusan penyelia untuk mengatasi buku rekod persetujuan:
referral-answer = Jawapan
referral-feedback = Maklum balas apabila perkhidmatan selesai
referral-decision = Keputusan
referral-accept = Terima
referral-decline = Tolak (sebab diperlukan)
referral-answer-reason = Sebab atau ulasan
referral-answer-send = Hantar
referral-status-pending = Menunggu jawapan
referral-status-accepted = Diterima
referral-status-declined = Ditolak
referral-status-completed = Selesai
error-consent-required = Buku rekod persetujuan tidak membenarkan rujukan ini. Rekodkan persetujuan terlebih dahulu; penyelia boleh mengatasinya dengan justifikasi bertulis.
error-override-not-allowed = Hanya penyelia boleh mengatasi buku rekod persetujuan, dengan justifikasi sekurang-kurangnya 20 aksara.

## Alerts on my cases (issue 5)
alert-changed = { $who } telah mengubah satu kes yang ditugaskan kepada anda: { $what }.
alert-open-case = Buka kes
alert-what-circumstances = keadaan direkodkan
alert-what-status = status diubah
alert-what-priority = keutamaan diubah
alert-what-note = catatan ditambah
alert-what-referral = rujukan dihantar
alert-what-consent = buku rekod persetujuan
alert-what-referral_answer = rujukan dijawab
alert-what-case = kes

## Assessments (issue 5)
assessment-new = Penilaian daya tahan dan keperluan baharu
assessment-no-score = Kekuatan dan keperluan mengikut domain; tiada skor keseluruhan.
assessment-guard = Sebelum anda menemu bual kanak-kanak itu sekali lagi
assessment-first = Belum ada sesiapa yang menilai kanak-kanak ini.
assessment-guard-intro = Sudah direkodkan: baca ini sebelum bertanya kepada kanak-kanak itu sekali lagi.
assessment-repeat-warning = Temu bual terakhir ialah { $days } hari yang lalu ({ $count } kali setakat ini). Temu bual lagi dalam tempoh sedekat ini boleh memudaratkan kanak-kanak itu: sedapat mungkin, gunakan apa yang telah direkodkan.
assessment-date = Tarikh penilaian
assessment-language = Bahasa yang digunakan
assessment-assent = Kerelaan kanak-kanak
assessment-assent-given = Kanak-kanak itu bersetuju
assessment-assent-refused = Kanak-kanak itu tidak bersetuju (tiada apa-apa lagi yang direkodkan)
assessment-assent-not_asked = Tidak ditanya (nyatakan sebabnya di bawah)
assessment-present = Siapa yang hadir, dan apa-apa perkara tentang suasana atau tempat
assessment-kind-strength = kekuatan
assessment-kind-need = keperluan
assessment-only-if = Jawab hanya jika jawapan bagi “{ $question }” ialah { $answer }.
assessment-save = Simpan penilaian
assessment-refused-assent = Kanak-kanak itu tidak bersetuju: tiada jawapan boleh direkodkan.
assessment-summary = Penilaian mengikut domain
assessment-summary-cell = { $strengths } kekuatan · { $needs } keperluan ({ $answered }/{ $asked })
assessment-domain = Domain
answer-yes = ya
answer-no = tidak
answer-group = kumpulan itu
answer-community = masyarakat
answer-family = keluarga
answer-other = lain-lain

## Reintegration plan (issue 5)
plan-heading = Pelan integrasi semula individu
plan-none = Belum ada pelan.
plan-draft = Draf, menunggu kelulusan penyelia
plan-approved = Diluluskan
plan-child-views = Pandangan kanak-kanak
plan-caregiver-views = Pandangan pengasuh
plan-why-not = Atau sebab pandangan itu tidak dapat direkodkan
plan-views-missing = Belum direkodkan
plan-views-not-possible = Tidak dapat direkodkan: { $why }
plan-review-on = Semakan seterusnya
plan-edit = Ubah pelan
plan-add-goal = Tambah matlamat
plan-goal-kind = Jenis matlamat
plan-kind-reintegration = Pemulihan dan integrasi semula
plan-kind-disengagement = Sokongan penarikan diri daripada kumpulan (pilihan)
plan-goal = Matlamat, dalam perkataan yang difahami oleh kanak-kanak itu
plan-action = Tindakan atau perkhidmatan pertama
plan-action-agency = Agensi yang bertanggungjawab
plan-action-due = Tarikh akhir
plan-save = Simpan pelan
plan-approve = Luluskan pelan
error-supervisor-only = Hanya penyelia boleh meluluskan ini.
error-assessment-required = Pelan tidak boleh diluluskan sebelum kanak-kanak itu dinilai.
error-child-views-required = Pelan tidak boleh diluluskan tanpa pandangan kanak-kanak itu, atau rekod tentang sebab pandangan itu tidak dapat diberikan.

## Closure and follow-up (issue 5)
followup-heading = Susulan selepas kes ditutup
followup-due = Dijadualkan
followup-done = dilaksanakan
followup-record = Rekodkan susulan seterusnya
followup-family = Tinggal bersama keluarga atau dalam penjagaan berasaskan keluarga
followup-school = Bersekolah atau mengikuti latihan
followup-support = Akses kepada perkhidmatan kesihatan dan sokongan psikososial
followup-acceptance = Diterima oleh masyarakat (0 ditolak – 3 sepenuhnya)
followup-no-reassociation = Tidak kembali terlibat dengan kumpulan itu
followup-child-view = Pandangan kanak-kanak itu sendiri
followup-save = Simpan susulan
alerts-mark-read = Tandakan semua sudah dibaca
