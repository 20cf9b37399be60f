//! Name pools for demo and generated data: common, ordinary names per country, in the country's
//! own script with a Latin transliteration. Fictional combinations; no real person is described.
//!
//! Notes for generators:
//! - `family` is not split by sex. In Bangladesh `Akter`, `Begum`, `Khatun` and `Jahan` are used
//!   as the last name of women and should preferably be combined with female given names; in
//!   Indonesia some second names (e.g. `Lestari`, `Nurhaliza`, `Wulandari`) are typically female
//!   and others (e.g. `Pratama`, `Saputra`, `Ramadhan`) typically male.
//! - Names of notorious real persons and of prominent politicians' families are deliberately
//!   left out.

/// One name part: as written in the country's own script, and in Latin letters.
#[derive(Debug, Clone, Copy)]
pub struct Name {
    pub native: &'static str,
    pub latin: &'static str,
}

/// How full names are put together in a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// Bangladesh: given name(s) + family name (e.g. "Mohammad Rakib Hossain", "Nusrat Jahan Akter").
    GivenFamily,
    /// Indonesia: often a single name (mononym) or two given names, no family name.
    Indonesian,
    /// Malaysia (Malay): given name + "bin"/"binti" + father's given name.
    Patronymic,
    /// Maldives: given name + a second name or father's name, Thaana script.
    Maldivian,
    /// Philippines: given name + middle name (mother's family name) + family name.
    Filipino,
}

#[derive(Debug)]
pub struct Pool {
    pub country: &'static str, // ISO 3166 alpha-2: "BD", "ID", "MY", "MV", "PH"
    pub pattern: Pattern,
    pub given_female: &'static [Name],
    pub given_male: &'static [Name],
    /// Family names (BD, PH) or, for MY/ID/MV, second names / fathers' names to draw from. Never empty.
    pub family: &'static [Name],
}

/// A name written in its own script plus a Latin transliteration.
const fn n(native: &'static str, latin: &'static str) -> Name {
    Name { native, latin }
}

/// A name whose own script is the Latin alphabet (Indonesia, Malaysia, Philippines).
const fn l(latin: &'static str) -> Name {
    Name {
        native: latin,
        latin,
    }
}

// ---------------------------------------------------------------------------------------------
// Bangladesh (Bengali script)
// ---------------------------------------------------------------------------------------------

const BD_FEMALE: &[Name] = &[
    n("নুসরাত", "Nusrat"),
    n("জাহান", "Jahan"),
    n("ফাতেমা", "Fatema"),
    n("আয়েশা", "Ayesha"),
    n("খাদিজা", "Khadija"),
    n("জয়নব", "Zainab"),
    n("মরিয়ম", "Mariam"),
    n("জান্নাত", "Jannat"),
    n("জান্নাতুল", "Jannatul"),
    n("সুমাইয়া", "Sumaiya"),
    n("তাসলিমা", "Taslima"),
    n("সালমা", "Salma"),
    n("রুমানা", "Rumana"),
    n("শারমিন", "Sharmin"),
    n("ফারজানা", "Farzana"),
    n("তানজিলা", "Tanzila"),
    n("রাবেয়া", "Rabeya"),
    n("রোকসানা", "Roksana"),
    n("শাহনাজ", "Shahnaz"),
    n("নাসরিন", "Nasrin"),
    n("শিরিন", "Shirin"),
    n("সাবিনা", "Sabina"),
    n("মিম", "Mim"),
    n("তানিয়া", "Tania"),
    n("সাদিয়া", "Sadia"),
    n("লাবনী", "Laboni"),
    n("শাহানা", "Shahana"),
    n("আফসানা", "Afsana"),
    n("ইয়াসমিন", "Yasmin"),
    n("মাহমুদা", "Mahmuda"),
    n("সুলতানা", "Sultana"),
    n("আসমা", "Asma"),
    n("জেসমিন", "Jesmin"),
    n("হালিমা", "Halima"),
    n("রহিমা", "Rahima"),
    n("কুলসুম", "Kulsum"),
    n("নাজমা", "Nazma"),
    n("পারভীন", "Parvin"),
    n("মুক্তা", "Mukta"),
    n("সুমি", "Sumi"),
    n("তাহমিনা", "Tahmina"),
    n("ফারহানা", "Farhana"),
    n("নাদিয়া", "Nadia"),
    n("সানজিদা", "Sanjida"),
    n("ইশরাত", "Ishrat"),
    n("তাসনিম", "Tasnim"),
    n("ফেরদৌসী", "Ferdousi"),
    // Hindu names
    n("প্রিয়া", "Priya"),
    n("পূজা", "Puja"),
    n("মৌমিতা", "Moumita"),
    n("দীপা", "Dipa"),
    n("অনিতা", "Anita"),
    n("লিপি", "Lipi"),
    n("শিপ্রা", "Shipra"),
];

const BD_MALE: &[Name] = &[
    n("মোহাম্মদ", "Mohammad"),
    n("রাকিব", "Rakib"),
    n("আবদুল করিম", "Abdul Karim"),
    n("আবদুর রহমান", "Abdur Rahman"),
    n("আবদুল্লাহ", "Abdullah"),
    n("করিম", "Karim"),
    n("রহিম", "Rahim"),
    n("হাসান", "Hasan"),
    n("মাহমুদ", "Mahmud"),
    n("রফিক", "Rafiq"),
    n("সাকিব", "Sakib"),
    n("তানভীর", "Tanvir"),
    n("ইমরান", "Imran"),
    n("আরিফ", "Arif"),
    n("জাহিদ", "Zahid"),
    n("শরিফ", "Sharif"),
    n("নাসির", "Nasir"),
    n("কামাল", "Kamal"),
    n("জামাল", "Jamal"),
    n("সোহেল", "Sohel"),
    n("রুবেল", "Rubel"),
    n("শাকিল", "Shakil"),
    n("মাসুদ", "Masud"),
    n("ফয়সাল", "Faisal"),
    n("সাইফুল", "Saiful"),
    n("আমিনুল", "Aminul"),
    n("রবিউল", "Rabiul"),
    n("শফিকুল", "Shafiqul"),
    n("মনিরুল", "Monirul"),
    n("আনোয়ার", "Anwar"),
    n("ইব্রাহিম", "Ibrahim"),
    n("ইউসুফ", "Yusuf"),
    n("রিয়াদ", "Riyad"),
    n("নাঈম", "Nayeem"),
    n("আল আমিন", "Al Amin"),
    n("মেহেদী", "Mehedi"),
    n("হাবিব", "Habib"),
    n("জুবায়ের", "Jubayer"),
    n("রাশেদ", "Rashed"),
    n("সুমন", "Sumon"),
    n("রাসেল", "Rasel"),
    n("শাহীন", "Shahin"),
    n("আকাশ", "Akash"),
    n("ফাহিম", "Fahim"),
    n("তামিম", "Tamim"),
    n("হৃদয়", "Hridoy"),
    n("সাব্বির", "Sabbir"),
    n("ইয়াসিন", "Yasin"),
    // Hindu names
    n("প্রদীপ", "Pradip"),
    n("সঞ্জয়", "Sanjoy"),
    n("বিপ্লব", "Biplob"),
    n("রতন", "Ratan"),
    n("গোপাল", "Gopal"),
    n("অমিত", "Amit"),
    n("শুভ", "Shuvo"),
];

const BD_FAMILY: &[Name] = &[
    n("হোসেন", "Hossain"),
    n("আক্তার", "Akter"),
    n("বেগম", "Begum"),
    n("খাতুন", "Khatun"),
    n("জাহান", "Jahan"),
    n("ইসলাম", "Islam"),
    n("রহমান", "Rahman"),
    n("আহমেদ", "Ahmed"),
    n("খান", "Khan"),
    n("চৌধুরী", "Chowdhury"),
    n("মিয়া", "Mia"),
    n("উদ্দিন", "Uddin"),
    n("আলী", "Ali"),
    n("আলম", "Alam"),
    n("হক", "Haque"),
    n("কবির", "Kabir"),
    n("হাসান", "Hasan"),
    n("মাহমুদ", "Mahmud"),
    n("সিদ্দিকী", "Siddique"),
    n("শেখ", "Sheikh"),
    n("মোল্লা", "Molla"),
    n("সিকদার", "Sikder"),
    n("তালুকদার", "Talukder"),
    n("মজুমদার", "Majumder"),
    n("ভূঁইয়া", "Bhuiyan"),
    n("হাওলাদার", "Howlader"),
    n("পাটোয়ারী", "Patwary"),
    n("প্রামানিক", "Pramanik"),
    n("মন্ডল", "Mondal"),
    n("বিশ্বাস", "Biswas"),
    n("সরকার", "Sarkar"),
    // Hindu family names
    n("দাস", "Das"),
    n("রায়", "Roy"),
    n("পাল", "Paul"),
    n("ঘোষ", "Ghosh"),
    n("সাহা", "Saha"),
    n("দত্ত", "Dutta"),
    n("বর্মন", "Barman"),
    n("চক্রবর্তী", "Chakraborty"),
];

// ---------------------------------------------------------------------------------------------
// Indonesia (Latin script)
// ---------------------------------------------------------------------------------------------

const ID_FEMALE: &[Name] = &[
    l("Siti"),
    l("Nur"),
    l("Nurul"),
    l("Dewi"),
    l("Putri"),
    l("Sri"),
    l("Ayu"),
    l("Indah"),
    l("Fitri"),
    l("Rahayu"),
    l("Wulan"),
    l("Intan"),
    l("Ratna"),
    l("Aisyah"),
    l("Fatimah"),
    l("Khadijah"),
    l("Zainab"),
    l("Anisa"),
    l("Nabila"),
    l("Salsabila"),
    l("Aulia"),
    l("Zahra"),
    l("Dian"),
    l("Rini"),
    l("Yuni"),
    l("Eka"),
    l("Novi"),
    l("Ani"),
    l("Mega"),
    l("Kartika"),
    l("Citra"),
    l("Ratih"),
    l("Endang"),
    l("Sari"),
    l("Euis"),
    l("Lina"),
    l("Nia"),
    l("Yanti"),
    l("Susanti"),
    l("Suci"),
    l("Nadia"),
    l("Amelia"),
    l("Rina"),
    l("Wati"),
];

const ID_MALE: &[Name] = &[
    l("Muhammad"),
    l("Ahmad"),
    l("Budi"),
    l("Agus"),
    l("Rizki"),
    l("Fajar"),
    l("Wahyu"),
    l("Eko"),
    l("Joko"),
    l("Bambang"),
    l("Andi"),
    l("Dedi"),
    l("Asep"),
    l("Ujang"),
    l("Dadang"),
    l("Iwan"),
    l("Hendra"),
    l("Arif"),
    l("Yusuf"),
    l("Ibrahim"),
    l("Hasan"),
    l("Abdullah"),
    l("Ilham"),
    l("Bayu"),
    l("Dimas"),
    l("Rudi"),
    l("Slamet"),
    l("Sugeng"),
    l("Teguh"),
    l("Heru"),
    l("Adi"),
    l("Aditya"),
    l("Fauzan"),
    l("Irfan"),
    l("Taufik"),
    l("Yogi"),
    l("Gilang"),
    l("Reza"),
    l("Bagus"),
    l("Galih"),
    l("Dani"),
    l("Farhan"),
    l("Nanang"),
    l("Firman"),
];

/// Second names; see the module notes on which are typically female or male.
const ID_SECOND: &[Name] = &[
    l("Pratama"),
    l("Saputra"),
    l("Syahputra"),
    l("Hidayat"),
    l("Ramadhan"),
    l("Permana"),
    l("Setiawan"),
    l("Kurniawan"),
    l("Wijaya"),
    l("Santoso"),
    l("Susanto"),
    l("Kusuma"),
    l("Nugraha"),
    l("Nugroho"),
    l("Prasetyo"),
    l("Wibowo"),
    l("Firmansyah"),
    l("Gunawan"),
    l("Purnomo"),
    l("Hakim"),
    l("Maulana"),
    l("Akbar"),
    // typically female
    l("Nurhaliza"),
    l("Lestari"),
    l("Hidayah"),
    l("Rahmawati"),
    l("Wulandari"),
    l("Maharani"),
    l("Fitriani"),
    l("Handayani"),
    l("Anggraini"),
    l("Utami"),
    l("Safitri"),
    l("Puspita"),
    l("Hasanah"),
];

// ---------------------------------------------------------------------------------------------
// Malaysia (Malay, Latin "Rumi" script)
// ---------------------------------------------------------------------------------------------

const MY_FEMALE: &[Name] = &[
    l("Nurul"),
    l("Siti"),
    l("Aisyah"),
    l("Nur"),
    l("Nor"),
    l("Fatimah"),
    l("Aminah"),
    l("Zainab"),
    l("Khadijah"),
    l("Nurul Ain"),
    l("Nurul Huda"),
    l("Nur Aisyah"),
    l("Nur Syafiqah"),
    l("Nur Aliya"),
    l("Nur Izzati"),
    l("Puteri"),
    l("Farah"),
    l("Hani"),
    l("Syafiqah"),
    l("Nabilah"),
    l("Amirah"),
    l("Aqilah"),
    l("Balqis"),
    l("Damia"),
    l("Sofea"),
    l("Alya"),
    l("Insyirah"),
    l("Iman"),
    l("Husna"),
    l("Nadhirah"),
    l("Zulaikha"),
    l("Sarah"),
    l("Maryam"),
    l("Aina"),
    l("Izzah"),
    l("Wardah"),
    l("Syazwani"),
    l("Aida"),
    l("Liyana"),
    l("Atiqah"),
    l("Raihana"),
    l("Rohani"),
    l("Salmah"),
    l("Norhayati"),
];

const MY_MALE: &[Name] = &[
    l("Muhammad"),
    l("Ahmad"),
    l("Mohd"),
    l("Mohamad"),
    l("Amir"),
    l("Hafiz"),
    l("Muhammad Amirul"),
    l("Amirul"),
    l("Aiman"),
    l("Hakim"),
    l("Haziq"),
    l("Irfan"),
    l("Danial"),
    l("Adam"),
    l("Faris"),
    l("Iskandar"),
    l("Aqil"),
    l("Harith"),
    l("Luqman"),
    l("Syafiq"),
    l("Zulkifli"),
    l("Azman"),
    l("Kamal"),
    l("Rizal"),
    l("Faizal"),
    l("Firdaus"),
    l("Hazim"),
    l("Ikhwan"),
    l("Khairul"),
    l("Shahrul"),
    l("Syahmi"),
    l("Zikri"),
    l("Arif"),
    l("Aidil"),
    l("Hariz"),
    l("Umar"),
    l("Imran"),
    l("Naim"),
    l("Asyraf"),
    l("Afiq"),
    l("Azlan"),
    l("Saiful"),
];

/// Fathers' given names, used after "bin"/"binti".
const MY_FATHER: &[Name] = &[
    l("Abdullah"),
    l("Ismail"),
    l("Abdul Rahman"),
    l("Hassan"),
    l("Ibrahim"),
    l("Yusof"),
    l("Othman"),
    l("Osman"),
    l("Ahmad"),
    l("Mohamed"),
    l("Ali"),
    l("Hamzah"),
    l("Sulaiman"),
    l("Zakaria"),
    l("Ishak"),
    l("Harun"),
    l("Rashid"),
    l("Abdul Aziz"),
    l("Abdul Hamid"),
    l("Abdul Karim"),
    l("Abdul Latif"),
    l("Kassim"),
    l("Hussin"),
    l("Omar"),
    l("Salleh"),
    l("Jaafar"),
    l("Daud"),
    l("Yaakob"),
    l("Idris"),
    l("Musa"),
    l("Ramli"),
    l("Rosli"),
    l("Hashim"),
    l("Zainal"),
    l("Zulkifli"),
    l("Kamaruddin"),
    l("Halim"),
    l("Samad"),
];

// ---------------------------------------------------------------------------------------------
// Maldives (Thaana script, official romanisation)
// ---------------------------------------------------------------------------------------------

const MV_FEMALE: &[Name] = &[
    n("ޢާއިޝަތު", "Aishath"),
    n("ފާޠިމަތު", "Fathimath"),
    n("މަރިޔަމް", "Mariyam"),
    n("އާމިނަތު", "Aminath"),
    n("ޙައްވާ", "Hawwa"),
    n("ޚަދީޖާ", "Khadeeja"),
    n("ޒީނަތު", "Zeenath"),
    n("ޒައިނަބު", "Zainab"),
    n("އާސިޔަތު", "Asiyath"),
    n("ސަޢީދާ", "Saeedha"),
    n("ޝަރީފާ", "Shareefa"),
    n("ނަސީމާ", "Naseema"),
    n("ރަޝީދާ", "Rasheedha"),
    n("ޖަމީލާ", "Jameela"),
    n("ޙަލީމާ", "Haleema"),
    n("ރަޙީމާ", "Raheema"),
    n("ފަޟީލާ", "Fazeela"),
    n("ލަޠީފާ", "Latheefa"),
    n("އަމީނާ", "Ameena"),
    n("ޒާހިރާ", "Zahira"),
    n("ނާދިރާ", "Nadhira"),
    n("ޝިފާ", "Shifa"),
    n("ނުހާ", "Nuha"),
    n("ހަނާ", "Hana"),
    n("ސާރާ", "Sara"),
    n("އަސްމާ", "Asma"),
    n("ނަޖީބާ", "Najeeba"),
    n("ތަސްނީމް", "Thasneem"),
    n("ރީޝާ", "Reesha"),
];

const MV_MALE: &[Name] = &[
    n("މުޙައްމަދު", "Mohamed"),
    n("އަޙްމަދު", "Ahmed"),
    n("ޢަލީ", "Ali"),
    n("އިބްރާހީމް", "Ibrahim"),
    n("ޙަސަން", "Hassan"),
    n("ޙުސައިން", "Hussain"),
    n("ޢަބްދުއްލާ", "Abdulla"),
    n("ޢަބްދުއްރަޙްމާން", "Abdul Rahman"),
    n("މޫސާ", "Moosa"),
    n("އާދަމް", "Adam"),
    n("ޔޫސުފް", "Yoosuf"),
    n("އިސްމާޢީލް", "Ismail"),
    n("ޢީސާ", "Eesa"),
    n("ޢުމަރު", "Umar"),
    n("އަބޫބަކުރު", "Aboobakuru"),
    n("ޒަކަރިއްޔާ", "Zakariyya"),
    n("ނަސީމް", "Naseem"),
    n("ޝަރީފް", "Shareef"),
    n("ރަޝީދު", "Rasheed"),
    n("ޒާހިރު", "Zahir"),
    n("ސަޢީދު", "Saeed"),
    n("ޙަމީދު", "Hameed"),
    n("އިލްޔާސް", "Ilyas"),
    n("ހާރޫން", "Haroon"),
    n("އަޔާން", "Ayaan"),
    n("ފައިޞަލް", "Faisal"),
    n("ލަޠީފް", "Latheef"),
    n("ސަލީމް", "Saleem"),
    n("ރަމީޒް", "Rameez"),
    n("މާހިރު", "Maahir"),
    n("ޢަދްނާން", "Adnan"),
    n("ޝަފީޤު", "Shafeeq"),
    n("ޙަމްދާން", "Hamdhan"),
];

/// Second names / fathers' names (used for both sexes, e.g. "Aishath Naseem", "Ali Shareef").
const MV_SECOND: &[Name] = &[
    n("ނަސީމް", "Naseem"),
    n("ޝަރީފް", "Shareef"),
    n("ރަޝީދު", "Rasheed"),
    n("ޒާހިރު", "Zahir"),
    n("ސަޢީދު", "Saeed"),
    n("ޙަމީދު", "Hameed"),
    n("ލަޠީފް", "Latheef"),
    n("ސަލީމް", "Saleem"),
    n("ރަމީޒް", "Rameez"),
    n("ފައިޞަލް", "Faisal"),
    n("ޢަދްނާން", "Adnan"),
    n("ޝަފީޤު", "Shafeeq"),
    n("ޖަލީލް", "Jaleel"),
    n("ނިޒާރު", "Nizar"),
    n("ޢަޒީޒް", "Azeez"),
    n("މަޖީދު", "Majeed"),
    n("ނަޞީރު", "Naseer"),
    n("އިބްރާހީމް", "Ibrahim"),
    n("ޢަލީ", "Ali"),
    n("ޙަސަން", "Hassan"),
    n("ޙުސައިން", "Hussain"),
    n("މުޙައްމަދު", "Mohamed"),
    n("އަޙްމަދު", "Ahmed"),
    n("ޢަބްދުއްލާ", "Abdulla"),
    n("މޫސާ", "Moosa"),
    n("އާދަމް", "Adam"),
    n("ޔޫސުފް", "Yoosuf"),
    n("އިސްމާޢީލް", "Ismail"),
    n("ޢުމަރު", "Umar"),
    n("ހާރޫން", "Haroon"),
    n("މާހިރު", "Maahir"),
    n("އިލްޔާސް", "Ilyas"),
];

// ---------------------------------------------------------------------------------------------
// Philippines (Latin script)
// ---------------------------------------------------------------------------------------------

const PH_FEMALE: &[Name] = &[
    l("Maria"),
    l("Angel"),
    l("Princess"),
    l("Mary Joy"),
    l("Mary Grace"),
    l("Kristine"),
    l("Cristina"),
    l("Jasmine"),
    l("Angelica"),
    l("Nicole"),
    l("Andrea"),
    l("Camille"),
    l("Rhea"),
    l("Lovely"),
    l("Jocelyn"),
    l("Marilou"),
    l("Rowena"),
    l("Ana"),
    l("Rosalie"),
    l("Jennifer"),
    l("Michelle"),
    l("Ella"),
    l("Althea"),
    l("Sofia"),
    l("Samantha"),
    l("Trisha"),
    l("Kyla"),
    l("Kimberly"),
    l("Hannah"),
    l("Erlinda"),
    l("Lorna"),
    l("Precious"),
    l("Rosemarie"),
    // Moro / Muslim Mindanao names
    l("Amina"),
    l("Norhanifa"),
    l("Bai"),
    l("Sittie"),
    l("Jamila"),
    l("Normina"),
    l("Noraida"),
    l("Johaira"),
    l("Fatima"),
    l("Aisah"),
];

const PH_MALE: &[Name] = &[
    l("Juan"),
    l("John Paul"),
    l("Mark"),
    l("Jerome"),
    l("Jose"),
    l("Christian"),
    l("John Lloyd"),
    l("Mark Anthony"),
    l("Jayson"),
    l("Jericho"),
    l("Paolo"),
    l("Miguel"),
    l("Carlo"),
    l("Angelo"),
    l("Ramon"),
    l("Rodel"),
    l("Renato"),
    l("Arnel"),
    l("Reynaldo"),
    l("Noel"),
    l("Joel"),
    l("Dennis"),
    l("Ryan"),
    l("Kevin"),
    l("Kenneth"),
    l("Francis"),
    l("Vincent"),
    l("Gabriel"),
    l("Nathaniel"),
    l("Joshua"),
    l("Bryan"),
    l("Ronald"),
    l("Dominic"),
    // Moro / Muslim Mindanao names
    l("Abdulrahman"),
    l("Nasser"),
    l("Mohammad"),
    l("Jamal"),
    l("Omar"),
    l("Ismael"),
    l("Sahid"),
    l("Norodin"),
    l("Khalid"),
];

const PH_FAMILY: &[Name] = &[
    l("Santos"),
    l("Reyes"),
    l("Cruz"),
    l("Bautista"),
    l("Garcia"),
    l("dela Cruz"),
    l("Mendoza"),
    l("Ramos"),
    l("Gonzales"),
    l("Flores"),
    l("Villanueva"),
    l("Torres"),
    l("Castillo"),
    l("Rivera"),
    l("Fernandez"),
    l("Lopez"),
    l("Perez"),
    l("Castro"),
    l("Dizon"),
    l("Navarro"),
    l("Mercado"),
    l("Aguilar"),
    l("Salazar"),
    l("Pascual"),
    l("Soriano"),
    l("de Leon"),
    l("Tolentino"),
    l("Manalo"),
    l("Domingo"),
    l("Gutierrez"),
    l("Valdez"),
    l("Ocampo"),
    l("Morales"),
    l("Medina"),
    l("Francisco"),
    l("Lim"),
    l("Tan"),
    // Muslim Mindanao
    l("Abdullah"),
    l("Usman"),
    l("Hadji"),
    l("Salik"),
    l("Ibrahim"),
    l("Lao"),
];

pub const POOLS: [Pool; 5] = [
    Pool {
        country: "BD",
        pattern: Pattern::GivenFamily,
        given_female: BD_FEMALE,
        given_male: BD_MALE,
        family: BD_FAMILY,
    },
    Pool {
        country: "ID",
        pattern: Pattern::Indonesian,
        given_female: ID_FEMALE,
        given_male: ID_MALE,
        family: ID_SECOND,
    },
    Pool {
        country: "MY",
        pattern: Pattern::Patronymic,
        given_female: MY_FEMALE,
        given_male: MY_MALE,
        family: MY_FATHER,
    },
    Pool {
        country: "MV",
        pattern: Pattern::Maldivian,
        given_female: MV_FEMALE,
        given_male: MV_MALE,
        family: MV_SECOND,
    },
    Pool {
        country: "PH",
        pattern: Pattern::Filipino,
        given_female: PH_FEMALE,
        given_male: PH_MALE,
        family: PH_FAMILY,
    },
];

/// Groups of Latin spellings of the same name as they really occur in the region's records
/// (first entry = the most common spelling). Used to generate misspelled search queries and to
/// test that search finds the original child.
///
/// Each spelling occurs in exactly one group, and the first spelling of every group occurs in
/// [`POOLS`].
pub const LATIN_VARIANTS: &[&[&str]] = &[
    // Shared Muslim names across the region
    &[
        "Muhammad", "Mohammad", "Mohamed", "Muhamad", "Mohamad", "Mohd",
    ],
    &["Ahmed", "Ahmad", "Ahmmed", "Ahamed"],
    &["Nur", "Noor", "Nor", "Nour"],
    &[
        "Abdul Rahman",
        "Abdurrahman",
        "Abdulrahman",
        "Abd Rahman",
        "Abdur Rahman",
    ],
    &["Abdullah", "Abdulla", "Abdallah"],
    &["Aishath", "Aishah", "Aisyah", "Aisha", "Ayesha", "Aisah"],
    &["Fathimath", "Fatimah", "Fatima", "Fathima", "Fatema"],
    &["Mariyam", "Mariam", "Maryam", "Moriom", "Mariyum"],
    &["Aminath", "Aminah", "Amina", "Aminat"],
    &["Khadija", "Khadijah", "Khadeeja"],
    &["Zainab", "Zaynab", "Zenab", "Joynob"],
    &["Hawwa", "Hawa"],
    &["Siti", "Sity", "Sitti", "Sittie"],
    &["Yusuf", "Yousuf", "Yusof", "Yousef", "Yoosuf"],
    &["Ibrahim", "Ebrahim", "Ibraheem"],
    &["Ismail", "Esmail", "Ismael", "Ismaail"],
    &["Hassan", "Hasan"],
    &["Hussin", "Hussein", "Husin"],
    &["Moosa", "Musa", "Mousa"],
    &["Othman", "Osman", "Uthman", "Usman", "Utsman"],
    &["Omar", "Umar", "Omer"],
    &["Yaakob", "Yaacob", "Yakub", "Yaqub"],
    &["Syafiq", "Shafiq", "Syafik", "Shafeeq"],
    &["Saiful", "Syaiful", "Shaiful"],
    &["Faisal", "Foysal", "Faysal"],
    &["Rahman", "Rehman"],
    // Bangladesh
    &["Hossain", "Hussain", "Hosen", "Husain"],
    &["Akter", "Akhter", "Aktar", "Akhtar"],
    &["Chowdhury", "Chowdhuri", "Choudhury", "Chowdhary"],
    &["Bhuiyan", "Bhuiya", "Bhuyan", "Bhuiyen"],
    &["Haque", "Hoque", "Huq"],
    &["Mia", "Miah", "Miya"],
    &["Sarkar", "Sarker", "Sircar"],
    &["Majumder", "Mazumder", "Majumdar", "Mozumder"],
    &["Talukder", "Talukdar"],
    &["Mondal", "Mandal", "Mondol"],
    &["Biswas", "Bishwas"],
    &["Sikder", "Sikdar", "Shikder"],
    &["Howlader", "Hawlader", "Haoladar"],
    &["Siddique", "Siddiqui", "Siddiki", "Siddiky"],
    &["Yasmin", "Yasmeen", "Yesmin", "Yeasmin"],
    &["Nasrin", "Nasreen"],
    &["Sharmin", "Sharmeen"],
    &["Sumaiya", "Sumaya", "Somaiya", "Sumaiyah"],
    &["Rakib", "Raqib", "Rakeeb"],
    &["Tanvir", "Tanveer"],
    &["Nayeem", "Naim", "Nayem", "Naeem"],
    &["Sohel", "Shohel", "Sohail"],
    &["Shakil", "Sakil", "Shakeel"],
    &["Mehedi", "Mehdi", "Mahdi"],
    &["Jubayer", "Zubair", "Jubair", "Zubayer"],
    &["Rafiq", "Rafik", "Rofiq"],
    // Indonesia / Malaysia
    &["Rizki", "Rizky", "Rezki", "Rizqi"],
    &["Putri", "Puteri", "Putry"],
    &["Saputra", "Saputera", "Syahputra"],
    &["Ramadhan", "Ramadan", "Romadhon"],
    &["Taufik", "Taufiq", "Tofik"],
    &["Nurhaliza", "Nurhalizah", "Nur Haliza"],
    &["Khairul", "Khairol"],
    &["Zulkifli", "Zulkifly", "Dzulkifli"],
    // Philippines
    &["dela Cruz", "Dela Cruz", "De la Cruz", "Delacruz"],
    &["de Leon", "De Leon", "Deleon"],
    &["Gonzales", "Gonzalez"],
    &["Fernandez", "Fernandes"],
    &["Mary Joy", "Maryjoy", "Mary-Joy"],
    &["John Paul", "Jhon Paul", "Johnpaul"],
    &["Jerome", "Jherome", "Gerome"],
    &["Cristina", "Christina", "Kristina"],
    &["Kristine", "Christine", "Krystine"],
    &["Jocelyn", "Joselyn", "Jocelyne"],
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A `static` copy, so that references into the pools are plainly `'static`.
    static TEST_POOLS: [Pool; 5] = POOLS;

    fn pool(country: &str) -> &'static Pool {
        TEST_POOLS
            .iter()
            .find(|p| p.country == country)
            .unwrap_or_else(|| panic!("no pool for {country}"))
    }

    fn all_names(p: &Pool) -> impl Iterator<Item = &'static Name> + use<> {
        let female: &'static [Name] = p.given_female;
        let male: &'static [Name] = p.given_male;
        let family: &'static [Name] = p.family;
        female.iter().chain(male).chain(family)
    }

    #[test]
    fn pools_are_complete_and_large_enough() {
        let countries: Vec<&str> = TEST_POOLS.iter().map(|p| p.country).collect();
        assert_eq!(countries, ["BD", "ID", "MY", "MV", "PH"]);
        assert_eq!(pool("BD").pattern, Pattern::GivenFamily);
        assert_eq!(pool("ID").pattern, Pattern::Indonesian);
        assert_eq!(pool("MY").pattern, Pattern::Patronymic);
        assert_eq!(pool("MV").pattern, Pattern::Maldivian);
        assert_eq!(pool("PH").pattern, Pattern::Filipino);

        // (country, female, male, family) minimums
        let minimums = [
            ("BD", 40, 40, 30),
            ("ID", 40, 40, 30),
            ("MY", 40, 40, 30),
            ("MV", 25, 25, 25),
            ("PH", 40, 40, 40),
        ];
        for (country, female, male, family) in minimums {
            let p = pool(country);
            assert!(
                p.given_female.len() >= female,
                "{country}: {} female",
                p.given_female.len()
            );
            assert!(
                p.given_male.len() >= male,
                "{country}: {} male",
                p.given_male.len()
            );
            assert!(
                p.family.len() >= family,
                "{country}: {} family",
                p.family.len()
            );
        }

        for p in &TEST_POOLS {
            for name in all_names(p) {
                assert!(
                    !name.native.trim().is_empty(),
                    "{}: empty native",
                    p.country
                );
                assert!(!name.latin.trim().is_empty(), "{}: empty latin", p.country);
                assert_eq!(name.native, name.native.trim(), "{}: {:?}", p.country, name);
                assert_eq!(name.latin, name.latin.trim(), "{}: {:?}", p.country, name);
                assert!(
                    name.latin
                        .chars()
                        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-'),
                    "{}: unexpected character in latin {:?}",
                    p.country,
                    name.latin
                );
                if matches!(p.country, "ID" | "MY" | "PH") {
                    assert_eq!(name.native, name.latin, "{}: {:?}", p.country, name);
                }
            }
        }
    }

    #[test]
    fn native_names_use_the_country_script() {
        const ZWNJ: char = '\u{200C}';
        const ZWJ: char = '\u{200D}';
        for name in all_names(pool("BD")) {
            assert!(
                name.native
                    .chars()
                    .all(|c| ('\u{0980}'..='\u{09FF}').contains(&c)
                        || c == ' '
                        || c == ZWJ
                        || c == ZWNJ),
                "BD: non-Bengali character in {:?}",
                name
            );
        }
        for name in all_names(pool("MV")) {
            assert!(
                name.native
                    .chars()
                    .all(|c| ('\u{0780}'..='\u{07BF}').contains(&c) || c == ' '),
                "MV: non-Thaana character in {:?}",
                name
            );
        }
    }

    #[test]
    fn latin_variant_groups_are_well_formed() {
        assert!(LATIN_VARIANTS.len() >= 30);
        let mut seen: Vec<&str> = Vec::new();
        for group in LATIN_VARIANTS {
            assert!(
                (2..=6).contains(&group.len()),
                "group size {} in {:?}",
                group.len(),
                group
            );
            for (i, spelling) in group.iter().enumerate() {
                assert!(!spelling.trim().is_empty(), "empty spelling in {:?}", group);
                assert!(
                    !group[..i].contains(spelling),
                    "duplicate {spelling:?} in {:?}",
                    group
                );
                assert!(
                    !seen.contains(spelling),
                    "{spelling:?} appears in more than one group"
                );
                seen.push(*spelling);
            }
            // The most common spelling is used somewhere in the pools, as a whole name part or
            // as one word of a multi-word name part.
            let first = group[0];
            let used = TEST_POOLS
                .iter()
                .flat_map(all_names)
                .any(|name| name.latin == first || name.latin.split(' ').any(|word| word == first));
            assert!(used, "{first:?} does not occur in any pool");
        }
    }
}

#[cfg(test)]
mod variant_check {
    #[test]
    #[ignore = "diagnostic: lists variant groups whose spellings do not share a search skeleton"]
    fn report_groups_without_a_shared_skeleton() {
        use pelita_domain::matching::{tokens, variant};
        for g in super::LATIN_VARIANTS {
            let keys: Vec<String> = g
                .iter()
                .map(|n| {
                    tokens(n)
                        .iter()
                        .map(|t| variant(t))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            if keys.iter().any(|k| *k != keys[0]) {
                println!("{g:?} -> {keys:?}");
            }
        }
    }
}
