# Awaits review by a native speaker.
# Pelita — Bahasa Indonesia (id).
app-name = Pelita
skip-to-content = Langsung ke konten
translation-note = Terjemahan ini menunggu tinjauan oleh penutur asli.
language = Bahasa
nav-my-work = Tugas saya
nav-register = Daftarkan anak
nav-search = Cari
nav-admin = Administrasi
nav-audit = Log audit dan akses
nav-profile = Profil
sign-out = Keluar
demo-banner = Data demonstrasi. Masuk dengan faktor kedua dinonaktifkan.

## Masuk
signin-title = Masuk
username = Nama pengguna
password = Kata sandi
signin-button = Masuk
signin-failed = Nama pengguna atau kata sandi tidak benar, atau akun dikunci selama beberapa menit setelah beberapa kali percobaan.
session-expired = Sesi Anda telah berakhir. Silakan masuk kembali.
totp-title = Langkah kedua
totp-code = Kode enam digit dari aplikasi autentikator Anda
totp-verify = Verifikasi
totp-failed = Kode tersebut tidak benar atau sudah pernah digunakan.
totp-enrol-title = Atur aplikasi autentikator Anda
totp-enrol-help = Pindai kode ini dengan aplikasi autentikator, atau ketik kunci di bawah ini, lalu masukkan kode enam digit yang ditampilkan aplikasi tersebut.
totp-secret = Kunci
totp-enrolled = Aplikasi autentikator Anda sudah siap digunakan.

## Tugas saya
mywork-title = Tugas saya
mywork-empty = Tidak ada kasus yang ditugaskan kepada Anda.
mywork-count = { $count ->
    [one] Satu kasus ditugaskan kepada Anda.
   *[other] { $count } kasus ditugaskan kepada Anda.
}
col-reference = Nomor referensi
col-child = Anak
col-age = Usia
col-status = Status
col-priority = Prioritas
col-updated = Diperbarui

## Pendaftaran
register-title = Daftarkan anak
register-intro = Sebelum menyimpan, Pelita menampilkan anak yang sudah tercatat dengan nama serupa, agar anak yang sama tidak didaftarkan dua kali.
given-name = Nama depan
family-name = Nama keluarga
family-name-hint = Kosongkan jika anak tidak memiliki nama keluarga.
latin-transliteration = Dalam huruf Latin (opsional)
alias = Nama lain atau alias (opsional)
sex = Jenis kelamin
sex-female = Perempuan
sex-male = Laki-laki
sex-other = Lainnya
sex-not_recorded = Tidak dicatat
birth = Tanggal lahir
birth-precision = Seberapa pasti tanggal lahir diketahui?
precision-exact = Tanggal pasti
precision-month = Bulan dan tahun
precision-year = Tahun saja
precision-estimated = Usia perkiraan
precision-unknown = Tidak diketahui
birth-date = Tanggal
birth-year = Tahun
birth-month = Bulan
estimated-age = Perkiraan usia (tahun)
estimated-margin = Selisih kurang lebih (tahun)
evidence = Sumber tanggal lahir
evidence-document = Dokumen
evidence-assessment = Asesmen usia
evidence-declaration = Pernyataan
priority = Prioritas
priority-high = Tinggi
priority-medium = Sedang
priority-low = Rendah
priority-reason = Alasan prioritas
recruitment-known = Keadaan perekrutan atau keterkaitan sudah diketahui
association = Keterkaitan
association-recruited = Direkrut atau dimanfaatkan oleh suatu kelompok
association-through_family = Melalui orang tua atau kerabat
association-travelled_with_family = Pergi ke luar negeri bersama keluarga
association-born_abroad = Lahir di luar negeri dari orang tua yang terkait dengan suatu kelompok
association-other = Lainnya
register-check = Periksa catatan yang sudah ada
register-save = Daftarkan
register-anyway = Tidak satu pun dari mereka adalah anak yang sama: daftarkan
matches-title = Anak yang sudah tercatat dengan nama serupa
matches-none = Tidak ada anak tercatat dengan nama serupa.
match-likely = Kemungkinan besar anak yang sama
match-possible = Mungkin anak yang sama
register-done = Anak telah didaftarkan dengan nomor { $reference }.

## Kasus
case-title = Kasus { $reference }
victim-recognised = Diakui sebagai korban perekrutan dan eksploitasi
victim-not-recorded = Keadaan belum dicatat
age = Usia
age-unknown = Tidak diketahui
age-years = { $range } tahun
presumed-child = Diperlakukan sebagai anak (praduga usia anak)
age-precision = Ketepatan: { $precision }
status = Status
status-identified = Teridentifikasi
status-registered = Terdaftar
status-assessed = Sudah diasesmen
status-planned = Rencana tersusun
status-in_progress = Dalam penanganan
status-closed = Ditutup
status-transferred = Dialihkan
assigned-to = Ditugaskan kepada
unassigned = Belum ditugaskan
section-status = Status
section-identity = Identitas
section-contact = Kontak
section-circumstances = Keadaan
section-psychosocial = Psikososial
section-health = Kesehatan
section-education = Pendidikan
section-family = Keluarga
section-justice = Peradilan
section-plan = Rencana
section-participation = Partisipasi
section-restricted = Terbatas: peran dan hubungan Anda dengan kasus ini tidak mencakup bagian ini.
section-justify = Dalam keadaan darurat, Anda dapat membuka bagian ini. Tuliskan alasannya; supervisor kasus ini akan diberi tahu.
justification = Mengapa Anda perlu membaca ini sekarang
open-section = Buka bagian ini
nothing-recorded = Belum ada yang dicatat.
aliases = Nama lain
erased = Data anak ini telah dihapus.
notes = Catatan kasus
add-note = Tambahkan catatan
note-text = Catatan
note-save = Simpan catatan
terminology-warning = Pertimbangkan istilah lain untuk “{ $term }”. Saran: { $alternatives }.
history = Riwayat
history-empty = Tidak ada perubahan yang dicatat.
move-to = Ubah status kasus menjadi
move-reason = Alasan (wajib untuk menutup atau mengalihkan kasus)
move-button = Ubah

## Pencarian
search-title = Pencarian
search-query = Nama, dalam aksara apa pun
search-button = Cari
search-none = Tidak ada anak yang ditemukan.
search-results = Anak yang ditemukan

## Profil
profile-title = Profil
change-password = Ubah kata sandi
current-password = Kata sandi saat ini
new-password = Kata sandi baru
password-changed = Kata sandi Anda telah diubah.
active-sessions = Sesi aktif
end-other-sessions = Akhiri sesi saya yang lain
other-sessions-ended = Sesi Anda yang lain telah diakhiri.
session-started = Dimulai
session-last-seen = Terakhir aktif
this-session = Sesi ini
save = Simpan

## Administrasi
admin-title = Administrasi
admin-no-case-content = Administrator mengelola pengguna dan lembaga; mereka tidak melihat isi kasus.
users = Pengguna
agencies = Lembaga
create-user = Buat pengguna
create-agency = Buat lembaga
display-name = Nama lengkap
role = Peran
agency = Lembaga
agency-code = Kode
agency-name = Nama
sector = Sektor
jurisdiction = Wilayah kewenangan
disable = Nonaktifkan
disabled = Nonaktif
active = Aktif
role-case_worker = Pekerja sosial
role-supervisor = Supervisor
role-psychologist = Psikolog
role-health = Tenaga kesehatan
role-education = Guru atau petugas pendidikan
role-justice = Petugas peradilan
role-security_liaison = Petugas penghubung keamanan
role-researcher = Peneliti
role-administrator = Administrator
role-auditor = Auditor
sector-child_protection = Perlindungan anak dan kesejahteraan sosial
sector-health = Kesehatan
sector-education = Pendidikan
sector-justice = Peradilan
sector-security = Keamanan
sector-civil_society = Masyarakat sipil
user-created = Pengguna telah dibuat.
agency-created = Lembaga telah dibuat.

## Audit
audit-title = Log audit
access-log-title = Log akses
audit-chain-ok = Rantai audit utuh ({ $events } peristiwa).
audit-chain-broken = Rantai audit rusak: { $detail }
col-time = Waktu
col-actor = Siapa
col-action = Tindakan
col-subject = Subjek
col-section = Bagian
col-justification = Alasan
who-viewed = Siapa saja yang melihat kasus ini

## Kesalahan
error-required = Kolom ini wajib diisi.
error-too-long = Isian ini terlalu panjang (paling banyak { $max } karakter).
error-control-characters = Isian ini berisi karakter yang tidak diizinkan.
error-impossible-date = Tanggal ini tidak ada.
error-date-in-future = Tanggal ini berada di masa depan.
error-implausible-age = Usia ini tidak masuk akal.
error-invalid = Nilai ini tidak valid.
error-reason-required = Alasan wajib diisi.
error-invalid-transition = Kasus tidak dapat dipindahkan ke status tersebut dari status saat ini.
error-victim-status-permanent = Status korban yang sudah diakui tidak dapat dicabut.
error-password-short = Gunakan paling sedikit 12 karakter.
error-password-long = Gunakan paling banyak 128 karakter.
error-password-common = Kata sandi ini terlalu umum; pilih kata sandi lain.
error-password-wrong = Kata sandi saat ini tidak benar.
error-csrf = Formulir ini sudah kedaluwarsa. Silakan coba lagi.
error-not-found = Tidak ditemukan.
error-forbidden = Anda tidak memiliki akses ke halaman ini.
error-too-large = Data yang Anda kirim terlalu besar.
error-generic = Terjadi kesalahan. Tidak ada yang disimpan. Silakan coba lagi.
error-conflict = { $detail }
errors-above = Mohon perbaiki kolom yang ditandai.

## Months
month-1 = Januari
month-2 = Februari
month-3 = Maret
month-4 = April
month-5 = Mei
month-6 = Juni
month-7 = Juli
month-8 = Agustus
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Desember

## Alerts
alerts-title = Peringatan
alert-break-glass = Seorang rekan membuka bagian terbatas sebuah kasus dengan alasan tertulis.

## Editing
edit-identity = Perbaiki nama, jenis kelamin, atau usia
add-age-evidence = Tambahkan bukti usia (kosongkan untuk mempertahankan usia yang ada)
account-actions = Ubah akun
account-action = Tindakan
change-role = Ubah peran
reset-second-factor = Atur ulang faktor kedua (ponsel hilang)

## Consent ledger (issue 5)
consent-heading = Persetujuan dan kesediaan anak
consent-empty = Belum ada yang dicatat dalam buku catatan persetujuan.
consent-ledger = Buku catatan (setiap entri tetap disimpan)
consent-standing = Status setiap tujuan saat ini
consent-voice-not_asked = Pada usia ini, pengasuh atau wali yang memberikan persetujuan; anak diberi tahu apa yang akan terjadi.
consent-voice-assent = Pada usia ini, anak menyatakan kesediaannya dan pengasuh atau wali memberikan persetujuan. Penolakan anak tetap dihormati.
consent-voice-consent = Pada usia ini, anak sendiri memberikan persetujuan setelah mendapat penjelasan yang cukup.
consent-purpose-assessment = Asesmen
consent-purpose-information_sharing = Berbagi informasi dengan lembaga lain
consent-purpose-research = Penggunaan untuk penelitian (tanpa mengungkap identitas anak)
consent-purpose-photographs = Foto
consent-purpose-referral = Rujukan ke sektor { $sector }
consent-giver-child = Anak
consent-giver-caregiver = Pengasuh
consent-giver-guardian = Wali yang sah menurut hukum
consent-party-child = Anak
consent-party-caregiver = Pengasuh atau wali
consent-decision-given = Diberikan
consent-decision-refused = Ditolak
consent-decision-withdrawn = Ditarik kembali
consent-state-given = { $party }: setuju pada { $date }
consent-state-missing = { $party }: belum ditanya
consent-state-refused = { $party }: menolak pada { $date }
consent-state-withdrawn = { $party }: menarik kembali persetujuan pada { $date }
consent-state-expired = { $party }: masa berlaku habis pada { $date }
consent-allows = Disetujui
consent-blocked = Tidak disetujui
consent-purpose = Tujuan
consent-giver = Diberikan oleh
consent-decision = Keputusan
consent-date = Tanggal
consent-expires = Berlaku sampai (opsional)
consent-note = Bagaimana hal ini dijelaskan dan siapa yang hadir (opsional)
consent-record = Tambahkan ke buku catatan
consent-recorded-by = Dicatat oleh
error-consent-nothing-to-withdraw = Tidak ada persetujuan dari orang ini untuk tujuan ini yang dapat ditarik kembali.

## Referrals (issue 5)
referrals-heading = Rujukan
referrals-empty = Kasus ini belum dirujuk.
referrals-inbox = Rujukan ke lembaga Anda
referral-new = Rujuk ke lembaga lain
referral-to = Rujuk ke
referral-sections = Bagian yang dibagikan
referral-reason = Alasan rujukan, dan apa yang dibutuhkan anak dari layanan ini
referral-override = Pengesampingan buku catatan persetujuan oleh supervisor (hanya jika persetujuan tidak mengizinkan rujukan ini)
referral-override-help = Kosongkan, kecuali Anda supervisor dan keselamatan anak memerlukan rujukan ini tanpa persetujuan. Alasan tertulis ini disimpan, diaudit, dan ditampilkan bersama rujukan.
referral-send = Kirim rujukan
referral-overridden = Dikirim tanpa persetujuan atas dasar pengesampingan oleh supervisor:
referral-answer = Jawaban
referral-feedback = Umpan balik setelah layanan selesai
referral-decision = Keputusan
referral-accept = Terima
referral-decline = Tolak (alasan wajib diisi)
referral-answer-reason = Alasan atau komentar
referral-answer-send = Kirim
referral-status-pending = Menunggu jawaban
referral-status-accepted = Diterima
referral-status-declined = Ditolak
referral-status-completed = Selesai
error-consent-required = Buku catatan persetujuan tidak mengizinkan rujukan ini. Catat persetujuannya terlebih dahulu; supervisor dapat mengesampingkannya dengan alasan tertulis.
error-override-not-allowed = Hanya supervisor yang dapat mengesampingkan buku catatan persetujuan, dengan alasan tertulis paling sedikit 20 karakter.

## Alerts on my cases (issue 5)
alert-changed = { $who } mengubah sebuah kasus yang ditugaskan kepada Anda: { $what }.
alert-open-case = Buka kasus
alert-what-circumstances = keadaan dicatat
alert-what-status = status diubah
alert-what-priority = prioritas diubah
alert-what-note = catatan ditambahkan
alert-what-referral = rujukan dikirim
alert-what-consent = buku catatan persetujuan
alert-what-referral_answer = rujukan dijawab
alert-what-case = kasus

## Assessments (issue 5)
assessment-new = Asesmen ketahanan dan kebutuhan baru
assessment-no-score = Kekuatan dan kebutuhan per domain; tanpa skor keseluruhan.
assessment-guard = Sebelum Anda mewawancarai anak lagi
assessment-first = Belum ada yang melakukan asesmen terhadap anak ini.
assessment-guard-intro = Sudah dicatat: bacalah ini sebelum bertanya lagi kepada anak.
assessment-repeat-warning = Wawancara terakhir dilakukan { $days } hari yang lalu ({ $count } kali sejauh ini). Wawancara lagi dalam waktu sedekat ini dapat berdampak buruk bagi anak: sedapat mungkin gunakan apa yang sudah dicatat.
assessment-date = Tanggal asesmen
assessment-language = Bahasa yang digunakan
assessment-assent = Kesediaan anak
assessment-assent-given = Anak bersedia
assessment-assent-refused = Anak tidak bersedia (tidak ada hal lain yang dicatat)
assessment-assent-not_asked = Tidak ditanyakan (jelaskan alasannya di bawah)
assessment-present = Siapa yang hadir, dan hal lain tentang situasi atau tempatnya
assessment-kind-strength = kekuatan
assessment-kind-need = kebutuhan
assessment-only-if = Jawab hanya jika jawaban untuk “{ $question }” adalah { $answer }.
assessment-save = Simpan asesmen
assessment-refused-assent = Anak tidak bersedia: tidak ada jawaban yang dapat dicatat.
assessment-summary = Asesmen per domain
assessment-summary-cell = { $strengths } kekuatan · { $needs } kebutuhan ({ $answered }/{ $asked })
assessment-domain = Domain
answer-yes = ya
answer-no = tidak
answer-group = kelompok tersebut
answer-community = masyarakat
answer-family = keluarga
answer-other = lainnya

## Reintegration plan (issue 5)
plan-heading = Rencana reintegrasi individual
plan-none = Belum ada rencana.
plan-draft = Draf, menunggu pengesahan supervisor
plan-approved = Disahkan
plan-child-views = Pandangan anak
plan-caregiver-views = Pandangan pengasuh
plan-why-not = Atau alasan pandangan tersebut tidak dapat dicatat
plan-views-missing = Belum dicatat
plan-views-not-possible = Tidak dapat dicatat: { $why }
plan-review-on = Tinjauan berikutnya
plan-edit = Ubah rencana
plan-add-goal = Tambahkan tujuan
plan-goal-kind = Jenis tujuan
plan-kind-reintegration = Rehabilitasi dan reintegrasi sosial
plan-kind-disengagement = Pendampingan pelepasan keterlibatan (opsional)
plan-goal = Tujuan, dengan kata-kata yang dipahami anak
plan-action = Tindakan atau layanan pertama
plan-action-agency = Lembaga penanggung jawab
plan-action-due = Tenggat waktu
plan-save = Simpan rencana
plan-approve = Sahkan rencana
error-supervisor-only = Hanya supervisor yang dapat mengesahkan ini.
error-assessment-required = Rencana tidak dapat disahkan sebelum asesmen terhadap anak dilakukan.
error-child-views-required = Rencana tidak dapat disahkan tanpa pandangan anak, atau catatan tentang alasan pandangan tersebut tidak dapat disampaikan.

## Closure and follow-up (issue 5)
followup-heading = Tindak lanjut setelah kasus ditutup
followup-due = Dijadwalkan
followup-done = dilaksanakan
followup-record = Catat tindak lanjut berikutnya
followup-family = Tinggal bersama keluarga atau dalam pengasuhan berbasis keluarga
followup-school = Bersekolah atau mengikuti pelatihan
followup-support = Akses ke layanan kesehatan dan dukungan psikososial
followup-acceptance = Diterima oleh masyarakat (0 ditolak – 3 sepenuhnya)
followup-no-reassociation = Tidak kembali terlibat dengan kelompok tersebut
followup-child-view = Pandangan anak sendiri
followup-save = Simpan tindak lanjut
alerts-mark-read = Tandai semua sudah dibaca
