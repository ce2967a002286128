package main

// extra holds facts about a country that countries.json lacks or that news
// writes differently.
type extra struct {
	name     string   // canonical name when the table's common name is not the one news uses
	names    []string // more names
	adjs     []string // more adjectives and demonyms, "word(s)" for a plural
	capitals []string // more capitals or seats of government used as metonyms
	drop     []string // names, adjectives or capitals of the table to leave out
}

// codeFix maps the table's codes to CAMEO's where they differ.
var codeFix = map[string]string{
	"UNK": "KSV", // Kosovo has no ISO code; CAMEO uses KSV
}

// keepCodes are short upper-case forms news uses as names.
var keepCodes = map[string]bool{
	"US": true, "USA": true, "UK": true, "DRC": true, "UAE": true, "PRC": true, "ROK": true, "CAR": false,
}

// ambiguousCapitals are capitals whose names are too common elsewhere
// (towns, people, other capitals) to be read as a government speaking.
var ambiguousCapitals = map[string]bool{
	"Victoria": true, "Kingston": true, "Hamilton": true, "Georgetown": true, "George Town": true,
	"Saint John's": true, "Stanley": true, "Douglas": true, "Jamestown": true, "Plymouth": true,
	"Road Town": true, "Basseterre": true, "Saint Helier": true, "St. Peter Port": true,
	"Avarua": true, "Alofi": true, "Adamstown": true, "Flying Fish Cove": true, "West Island": true,
	"King Edward Point": true, "Mata-Utu": true, "Marigot": true, "Gustavia": true,
	"Philipsburg": true, "Saint-Pierre": true, "Cockburn Town": true, "The Valley": true,
	"Charlotte Amalie": true, "Pago Pago": true, "Saipan": true, "Kralendijk": true,
	"The Bottom": true, "Oranjestad": true, "Longyearbyen": true, "Mariehamn": true,
	"Washington D.C.": true, "Brussels": true, "Bloemfontein": true, "Kingstown": true,
	"Saint-Denis": true, "Mamoudzou": true, "Camp": true, "Fakaofo": true, "Yaren": true,
	"Port-aux-Français": true, "Hagåtña": true, "Nouméa": true, "Papeete": true,
	"Cayenne": true, "Basse-Terre": true, "Fort-de-France": true, "El Aaiún": true,
	"Jerusalem": false, "Sucre": true,
}

// extras adds news forms to the table. Capitals here are seats of
// government used as metonyms ("Washington said").
var extras = map[string]extra{
	"USA": {names: []string{"U.S.", "US", "U.S.A.", "USA", "America", "United States of America"},
		adjs: []string{"U.S.", "US"}, capitals: []string{"Washington"}},
	"GBR": {name: "United Kingdom", names: []string{"Britain", "UK", "U.K.", "Great Britain"},
		adjs: []string{"Briton(s)", "UK", "U.K."}},
	"KOR": {names: []string{"Republic of Korea", "ROK", "S. Korea", "S.Korea"}},
	"PRK": {names: []string{"DPRK", "N. Korea", "N.Korea"}},
	"CHN": {names: []string{"PRC", "mainland China", "People's Republic of China"}, drop: []string{"Zhongguo", "Zhonghua"}},
	"TWN": {names: []string{"Republic of China", "Chinese Taipei"}},
	"RUS": {names: []string{"Russian Federation"}},
	"UKR": {names: []string{"the Ukraine"}, capitals: []string{"Kyiv", "Kiev"}},
	"TUR": {name: "Turkey", names: []string{"Türkiye", "Turkiye", "Turkey"}, adjs: []string{"Turk(s)"}},
	"NLD": {names: []string{"Netherlands", "Holland"}, capitals: []string{"The Hague"}, drop: []string{"Nederland"}},
	"DEU": {drop: []string{"Bundesrepublik Deutschland"}},
	"COD": {name: "Democratic Republic of the Congo", names: []string{"Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"}},
	"COG": {name: "Republic of the Congo", names: []string{"Congo-Brazzaville", "Congo Republic"}, drop: []string{"Congo", "Congolese"}},
	"CIV": {name: "Ivory Coast", names: []string{"Côte d'Ivoire", "Cote d'Ivoire"}, capitals: []string{"Abidjan"}},
	"MMR": {names: []string{"Burma"}, adjs: []string{"Myanmar"}, capitals: []string{"Naypyitaw", "Nay Pyi Taw"}},
	"ARE": {names: []string{"UAE", "U.A.E.", "Emirates"}, adjs: []string{"Emirati(s)"}},
	"SAU": {names: []string{"Kingdom of Saudi Arabia", "KSA"}, adjs: []string{"Saudi(s)"}},
	"IRN": {names: []string{"Islamic Republic of Iran"}, adjs: []string{"Persian"}},
	"IND": {capitals: []string{"Delhi"}},
	"PAK": {adjs: []string{"Pakistani(s)"}},
	"PSE": {names: []string{"Palestinian territories", "occupied Palestinian territories", "West Bank and Gaza"}},
	"ISR": {adjs: []string{"Israeli(s)"}},
	"VAT": {name: "Vatican", names: []string{"Holy See", "Vatican City"}, adjs: []string{"Vatican"}, drop: []string{"Vatican"}},
	"BOL": {capitals: []string{"La Paz"}},
	"LKA": {capitals: []string{"Colombo"}},
	"KAZ": {capitals: []string{"Nur-Sultan"}},
	"CZE": {names: []string{"Czech Republic"}, drop: []string{"Česká republika", "Česko"}},
	"MKD": {names: []string{"Macedonia", "Republic of North Macedonia"}},
	"SWZ": {names: []string{"Swaziland"}},
	"CPV": {names: []string{"Cape Verde"}, adjs: []string{"Cape Verdean(s)"}},
	"TLS": {names: []string{"East Timor"}},
	"KSV": {adjs: []string{"Kosovan(s)", "Kosovar(s)"}},
	"BIH": {names: []string{"Bosnia", "Bosnia-Herzegovina"}},
	"GEO": {adjs: []string{"Georgian(s)"}},
	"PHL": {adjs: []string{"Philippine", "Filipino(s)"}},
	"NZL": {adjs: []string{"New Zealand"}},
	"CAF": {names: []string{"CAR"}},
	"ZAF": {capitals: []string{"Cape Town"}},
	"SYR": {names: []string{"Syrian Arab Republic"}},
	"LAO": {names: []string{"Laos"}, adjs: []string{"Lao", "Laotian(s)"}},
	"VNM": {names: []string{"Viet Nam"}},
	"BRN": {names: []string{"Brunei"}},
	"GMB": {names: []string{"Gambia", "The Gambia"}},
	"BHS": {names: []string{"Bahamas"}},
	"DMA": {drop: []string{"Dominican"}},
	"THA": {drop: []string{"Thai", "Prathet"}, adjs: []string{"Thai(s)"}},
	"IMN": {drop: []string{"Mann"}},
	"YEM": {capitals: []string{"Sanaa", "Sana'a", "Aden"}},
	"AFG": {adjs: []string{"Afghan(s)"}},
	"SDN": {capitals: []string{"Port Sudan"}},
}

// nameFix replaces the table's names that are not the English ones.
var nameFix = map[string]string{
	"Isabel II do Reino Unido":      "Elizabeth II",
	"Carlos III do Reino Unido":     "Charles III",
	"Iúlia Timochenko":              "Yulia Tymoshenko",
	"Oleksiy Hontcharouk":           "Oleksiy Honcharuk",
	"Leonid Kutchma":                "Leonid Kuchma",
	"Denys Chmyhal":                 "Denys Shmyhal",
	"Volodymyr Borysovych Groysman": "Volodymyr Groysman",
	"Hassan Rohani":                 "Hassan Rouhani",
	"Volodymyr Zelenski":            "Volodymyr Zelensky",
	"Abdul Fatah Khalil Al-Sisi":    "Abdel Fattah el-Sisi",
	"Aleksandr Lukashenko":          "Alexander Lukashenko",
	"Mohammad bin Salman":           "Mohammed bin Salman",
}

// personNames are other names news uses for leaders in the table, keyed by
// the table's name. Surnames alone are listed only for leaders whose
// surname is distinctive in the news.
var personNames = map[string][]string{
	"Volodymyr Zelensky":          {"Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Volodymyr Zelenski", "Zelensky", "Zelenskyy"},
	"Shinzō Abe":                  {"Shinzo Abe"},
	"Recep Tayyip Erdoğan":        {"Tayyip Erdogan", "Erdogan", "Erdoğan"},
	"Kim Jong-un":                 {"Kim Jong Un"},
	"Denys Shmyhal":               {"Shmyhal"},
	"Hassan Rouhani":              {"Hassan Rohani", "Rouhani"},
	"Elizabeth II":                {"Queen Elizabeth II", "Queen Elizabeth"},
	"Charles III":                 {"King Charles III", "King Charles"},
	"Vladimir Putin":              {"Putin"},
	"Xi Jinping":                  {"Xi"},
	"Donald Trump":                {"Donald J. Trump", "Trump"},
	"Joe Biden":                   {"Joseph Biden", "Joseph R. Biden", "Biden"},
	"Barack Obama":                {"Obama"},
	"Benjamin Netanyahu":          {"Netanyahu", "Bibi Netanyahu"},
	"Narendra Modi":               {"Modi"},
	"Emmanuel Macron":             {"Macron"},
	"Olaf Scholz":                 {"Scholz"},
	"Angela Merkel":               {"Merkel"},
	"Ali Khamenei":                {"Ayatollah Ali Khamenei", "Khamenei"},
	"Ebrahim Raisi":               {"Raisi"},
	"Masoud Pezeshkian":           {"Pezeshkian"},
	"Moon Jae-in":                 {"Moon Jae In"},
	"Yoon Suk-yeol":               {"Yoon Suk Yeol", "Yoon"},
	"Lee Jae-myung":               {"Lee Jae Myung"},
	"Bashar al-Assad":             {"Bashar Assad", "Assad"},
	"Abdel Fattah el-Sisi":        {"Abdel Fattah al-Sisi", "Abdul Fatah Khalil Al-Sisi", "Sisi", "el-Sisi"},
	"Mahmoud Abbas":               {"Abbas"},
	"Jair Bolsonaro":              {"Bolsonaro"},
	"Luiz Inácio Lula da Silva":   {"Lula", "Lula da Silva", "Luiz Inacio Lula da Silva"},
	"Boris Johnson":               {},
	"Keir Starmer":                {"Starmer"},
	"Rishi Sunak":                 {"Sunak"},
	"Theresa May":                 {},
	"Justin Trudeau":              {"Trudeau"},
	"Mohammed bin Salman":         {"Mohammad bin Salman", "MBS"},
	"Alexander Lukashenko":        {"Aleksandr Lukashenko", "Lukashenko"},
	"Nicolás Maduro":              {"Nicolas Maduro", "Maduro"},
	"Ashraf Ghani":                {"Ghani"},
	"Imran Khan":                  {},
	"Shehbaz Sharif":              {},
	"Viktor Orbán":                {"Viktor Orban", "Orban", "Orbán"},
	"Javier Milei":                {"Milei"},
	"Claudia Sheinbaum":           {"Sheinbaum"},
	"Andrés Manuel López Obrador": {"Andres Manuel Lopez Obrador", "Lopez Obrador", "López Obrador", "AMLO"},
	"Cyril Ramaphosa":             {"Ramaphosa"},
	"Fumio Kishida":               {"Kishida"},
	"Shigeru Ishiba":              {"Ishiba"},
	"Giorgia Meloni":              {"Meloni"},
	"Pedro Sánchez":               {"Pedro Sanchez"},
	"Friedrich Merz":              {"Merz"},
	"Li Qiang":                    {},
	"Li Keqiang":                  {},
	"Mikhail Mishustin":           {"Mishustin"},
	"Yulia Svyrydenko":            {"Svyrydenko"},
	"Petro Poroshenko":            {"Poroshenko"},
	"Naftali Bennett":             {},
	"Yair Lapid":                  {},
	"Ahmed al-Sharaa":             {"Ahmad al-Sharaa", "Sharaa", "Abu Mohammed al-Jolani", "al-Jolani"},
}
