"""Fixed tables the build adds to its sources: English oblast names, raion names GeoNames gets
wrong, regions, countries and renamed places. Each is small, hand-checked and cited."""

from __future__ import annotations

# GeoNames admin1 code -> English name in the national transliteration
OBLASTS: dict[str, str] = {
    "01": "Cherkasy Oblast",
    "02": "Chernihiv Oblast",
    "03": "Chernivtsi Oblast",
    "04": "Dnipropetrovsk Oblast",
    "05": "Donetsk Oblast",
    "06": "Ivano-Frankivsk Oblast",
    "07": "Kharkiv Oblast",
    "08": "Kherson Oblast",
    "09": "Khmelnytskyi Oblast",
    "10": "Kirovohrad Oblast",
    "11": "Autonomous Republic of Crimea",
    "12": "Kyiv",
    "13": "Kyiv Oblast",
    "14": "Luhansk Oblast",
    "15": "Lviv Oblast",
    "16": "Mykolaiv Oblast",
    "17": "Odesa Oblast",
    "18": "Poltava Oblast",
    "19": "Rivne Oblast",
    "20": "Sevastopol",
    "21": "Sumy Oblast",
    "22": "Ternopil Oblast",
    "23": "Vinnytsia Oblast",
    "24": "Volyn Oblast",
    "25": "Zakarpattia Oblast",
    "26": "Zaporizhzhia Oblast",
    "27": "Zhytomyr Oblast",
}
# KATOTTG codes of the two cities with special status -> GeoNames admin1
SPECIAL_CITIES: dict[str, str] = {"UA80": "12", "UA85": "20"}

# ADM2 rows that GeoNames labels with a legacy city-council name; the admin2 code is the raion's.
RAION_NAMES: dict[str, str] = {
    "9194084": "Kupiansk Raion",  # 07/6308 "Kupianska Miskrada"
    "9101597": "Lozova Raion",  # 07/6310 "Lozova City Council"
    "9114317": "Chuhuiv Raion",  # 07/6314 "Chuhuiv City Council"
    "9806344": "Nizhyn Raion",  # 02/7404 "Nizhyns'ka Mis'krada"
    "9806345": "Novhorod-Siverskyi Raion",  # 02/7406
    "9807848": "Shostka Raion",  # 21/5910
    "8449687": "Yalta Raion",  # 11/0120 "Miskyi okruh Yalta"
    "8449692": "Kerch Raion",  # 11 "Kerchens'ka Mis'ka Rada"
    "713748": "Okhtyrka Raion",  # 21/5904 "Okhtyrskiy Rayon"
}

# Regions that GeoNames has as features: geonameid -> (canonical name, extra alternates).
GEONAMES_REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "709718": ("Donbas", ("Donbas", "Donbass", "Донбас", "Донбасс")),
    "703884": ("Crimea", ("Crimean Peninsula", "Krym", "Крим", "Крым", "Кримський півострів")),
    "571096": ("Bukovina", ("Bukovyna", "Буковина")),
    "689067": ("Volhynia", ("Volyn", "Волинь", "Волынь")),
    "696861": ("Podillia", ("Podillia", "Podolia", "Поділля", "Подолье")),
    "696711": ("Pokuttia", ("Pokuttia", "Pokutia", "Покуття", "Покутье")),
}
# Regions without a GeoNames feature: no coordinates (never invented).
# (id, canonical name, admin1 code or "", alternates)
CURATED_REGIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "region:slobozhanshchyna",
        "Slobozhanshchyna",
        "",
        ("Slobozhanshchina", "Sloboda Ukraine", "Слобожанщина"),
    ),
    ("region:pryazovia", "Pryazovia", "", ("Priazovye", "Priazovie", "Приазов'я", "Приазовье")),
    ("region:polissia", "Polissia", "", ("Polesia", "Polesie", "Polesye", "Полісся", "Полесье")),
    ("region:galicia", "Galicia", "", ("Halychyna", "Галичина")),
    ("region:tavria", "Tavria", "", ("Taurida", "Tavriya", "Таврія", "Таврия")),
    ("region:zakarpattia", "Zakarpattia", "", ("Transcarpathia", "Закарпаття", "Закарпатье")),
)
COUNTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("country:UA", "Ukraine", ("Ukraina", "Україна", "Украина")),
    (
        "country:RU",
        "Russia",
        (
            "Russian Federation",
            "Rossiya",
            "Rossiia",
            "Росія",
            "Россия",
            "Російська Федерація",
            "Российская Федерация",
        ),
    ),
)

# Renamed towns whose former official names GeoNames lacks: KATOTTG code -> former names (in
# romanisation and Cyrillic). Source: the Verkhovna Rada resolutions renaming settlements
# (the 2016 decommunisation renamings and the 2024 renamings), as listed in the codifier's
# current names. Others (Artemivsk -> Bakhmut, Krasnoarmiisk -> Pokrovsk, Dzerzhynsk ->
# Toretsk, Kirovohrad -> Kropyvnytskyi, ...) GeoNames already carries as alternates.
RENAMED: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("UA44080050010029178", ("Krasnyi Luch", "Krasny Luch", "Красний Луч", "Красный Луч")),
    ("UA51100410010044384", ("Yuzhne", "Yuzhnoye", "Южне", "Южное")),
    ("UA63100090010068250", ("Pervomaiskyi", "Pervomayskiy", "Первомайський", "Первомайский")),
    ("UA14100050010067495", ("Komsomolske", "Komsomolskoye", "Комсомольське", "Комсомольское")),
    ("UA12080090010010311", ("Ordzhonikidze", "Орджонікідзе", "Орджоникидзе")),
    (
        "UA32040110010043320",
        (
            "Pereiaslav-Khmelnytskyi",
            "Pereyaslav-Khmelnitsky",
            "Переяслав-Хмельницький",
            "Переяслав-Хмельницкий",
        ),
    ),
    ("UA14120110010088407", ("Krasnyi Lyman", "Krasny Liman", "Красний Лиман", "Красный Лиман")),
)

# Russian regions bordering Ukraine or often named in war reports, and frequently named Russian
# towns: names only, no coordinates, no population (never invented). warclaims' own table,
# hand-checked against the regions' and towns' official Russian names, their Ukrainian
# spellings and the English names in common use (ISO 3166-2:RU codes as admin1 codes).
# (ISO code, English name, Russian name, Ukrainian name, other alternates)
RUSSIAN_REGIONS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    (
        "RU-BEL",
        "Belgorod Oblast",
        "Белгородская область",
        "Бєлгородська область",
        ("Belgorod region", "Belgorodskaya oblast", "Белгородчина", "Бєлгородщина"),
    ),
    (
        "RU-KRS",
        "Kursk Oblast",
        "Курская область",
        "Курська область",
        ("Kursk region", "Kurskaya oblast", "Курщина"),
    ),
    (
        "RU-BRY",
        "Bryansk Oblast",
        "Брянская область",
        "Брянська область",
        ("Bryansk region", "Bryanskaya oblast", "Брянщина"),
    ),
    (
        "RU-ROS",
        "Rostov Oblast",
        "Ростовская область",
        "Ростовська область",
        ("Rostov region", "Rostovskaya oblast", "Ростовщина"),
    ),
    (
        "RU-VOR",
        "Voronezh Oblast",
        "Воронежская область",
        "Воронезька область",
        ("Voronezh region", "Voronezhskaya oblast", "Воронежчина", "Воронежщина"),
    ),
    (
        "RU-KDA",
        "Krasnodar Krai",
        "Краснодарский край",
        "Краснодарський край",
        ("Krasnodar region", "Krasnodar Territory", "Krasnodarsky krai"),
    ),
    (
        "RU-MOS",
        "Moscow Oblast",
        "Московская область",
        "Московська область",
        ("Moscow region", "Moskovskaya oblast", "Подмосковье", "Підмосков'я"),
    ),
    (
        "RU-LEN",
        "Leningrad Oblast",
        "Ленинградская область",
        "Ленінградська область",
        ("Leningrad region", "Leningradskaya oblast"),
    ),
    ("RU-ORL", "Oryol Oblast", "Орловская область", "Орловська область", ("Orel Oblast",)),
    ("RU-SMO", "Smolensk Oblast", "Смоленская область", "Смоленська область", ()),
    ("RU-KLU", "Kaluga Oblast", "Калужская область", "Калузька область", ()),
    ("RU-TUL", "Tula Oblast", "Тульская область", "Тульська область", ()),
    ("RU-LIP", "Lipetsk Oblast", "Липецкая область", "Липецька область", ()),
    ("RU-TAM", "Tambov Oblast", "Тамбовская область", "Тамбовська область", ()),
    ("RU-RYA", "Ryazan Oblast", "Рязанская область", "Рязанська область", ()),
    ("RU-SAR", "Saratov Oblast", "Саратовская область", "Саратовська область", ()),
    ("RU-VGG", "Volgograd Oblast", "Волгоградская область", "Волгоградська область", ()),
    ("RU-PSK", "Pskov Oblast", "Псковская область", "Псковська область", ()),
    (
        "RU-TA",
        "Tatarstan",
        "Республика Татарстан",
        "Татарстан",
        ("Republic of Tatarstan", "Татарстан", "Республіка Татарстан"),
    ),
    (
        "RU-UD",
        "Udmurtia",
        "Удмуртская Республика",
        "Удмуртія",
        ("Udmurt Republic", "Удмуртия", "Удмуртська Республіка"),
    ),
    (
        "RU-BA",
        "Bashkortostan",
        "Республика Башкортостан",
        "Башкортостан",
        ("Republic of Bashkortostan", "Bashkiria", "Башкортостан", "Башкирия", "Башкирія"),
    ),
)
# (ISO code of the region, English name, Russian name, Ukrainian name, feature, type,
#  other alternates). Feature PPLA: the region's capital; PPLC: the capital; type "city" for
# a город, "town" for an urban-type settlement (посёлок).
RUSSIAN_TOWNS: tuple[tuple[str, str, str, str, str, str, tuple[str, ...]], ...] = (
    ("RU-BEL", "Belgorod", "Белгород", "Бєлгород", "PPLA", "city", ()),
    ("RU-BEL", "Shebekino", "Шебекино", "Шебекине", "PPL", "city", ()),
    ("RU-BEL", "Valuyki", "Валуйки", "Валуйки", "PPL", "city", ()),
    ("RU-BEL", "Graivoron", "Грайворон", "Грайворон", "PPL", "city", ("Grayvoron",)),
    ("RU-BEL", "Stary Oskol", "Старый Оскол", "Старий Оскол", "PPL", "city", ("Staryy Oskol",)),
    ("RU-KRS", "Kursk", "Курск", "Курськ", "PPLA", "city", ()),
    ("RU-KRS", "Sudzha", "Суджа", "Суджа", "PPL", "city", ()),
    ("RU-KRS", "Rylsk", "Рыльск", "Рильськ", "PPL", "city", ()),
    ("RU-KRS", "Lgov", "Льгов", "Льгов", "PPL", "city", ()),
    ("RU-KRS", "Kurchatov", "Курчатов", "Курчатов", "PPL", "city", ()),
    ("RU-KRS", "Korenevo", "Коренево", "Коренево", "PPL", "town", ()),
    ("RU-BRY", "Bryansk", "Брянск", "Брянськ", "PPLA", "city", ()),
    ("RU-BRY", "Klintsy", "Клинцы", "Клинці", "PPL", "city", ()),
    ("RU-ROS", "Rostov-on-Don", "Ростов-на-Дону", "Ростов-на-Дону", "PPLA", "city", ("Rostov",)),
    ("RU-ROS", "Taganrog", "Таганрог", "Таганрог", "PPL", "city", ()),
    ("RU-ROS", "Novoshakhtinsk", "Новошахтинск", "Новошахтинськ", "PPL", "city", ()),
    ("RU-ROS", "Millerovo", "Миллерово", "Міллерове", "PPL", "city", ()),
    ("RU-ROS", "Morozovsk", "Морозовск", "Морозовськ", "PPL", "city", ()),
    ("RU-VOR", "Voronezh", "Воронеж", "Воронеж", "PPLA", "city", ()),
    ("RU-KDA", "Krasnodar", "Краснодар", "Краснодар", "PPLA", "city", ()),
    ("RU-KDA", "Novorossiysk", "Новороссийск", "Новоросійськ", "PPL", "city", ("Novorossiisk",)),
    ("RU-KDA", "Tuapse", "Туапсе", "Туапсе", "PPL", "city", ()),
    ("RU-KDA", "Sochi", "Сочи", "Сочі", "PPL", "city", ()),
    ("RU-KDA", "Yeysk", "Ейск", "Єйськ", "PPL", "city", ("Yeisk",)),
    ("RU-MOW", "Moscow", "Москва", "Москва", "PPLC", "city", ("Moskva",)),
    (
        "RU-SPE",
        "Saint Petersburg",
        "Санкт-Петербург",
        "Санкт-Петербург",
        "PPLA",
        "city",
        ("St Petersburg", "St. Petersburg", "Petersburg", "Петербург"),
    ),
    ("RU-SAR", "Saratov", "Саратов", "Саратов", "PPLA", "city", ()),
    ("RU-SAR", "Engels", "Энгельс", "Енгельс", "PPL", "city", ()),
    ("RU-UD", "Izhevsk", "Ижевск", "Іжевськ", "PPLA", "city", ()),
    ("RU-UD", "Votkinsk", "Воткинск", "Воткінськ", "PPL", "city", ()),
    ("RU-TA", "Kazan", "Казань", "Казань", "PPLA", "city", ()),
    ("RU-TA", "Yelabuga", "Елабуга", "Єлабуга", "PPL", "city", ("Elabuga",)),
    ("RU-LIP", "Lipetsk", "Липецк", "Липецьк", "PPLA", "city", ()),
    ("RU-TAM", "Tambov", "Тамбов", "Тамбов", "PPLA", "city", ()),
    ("RU-RYA", "Ryazan", "Рязань", "Рязань", "PPLA", "city", ()),
    ("RU-TUL", "Tula", "Тула", "Тула", "PPLA", "city", ()),
    ("RU-SMO", "Smolensk", "Смоленск", "Смоленськ", "PPLA", "city", ()),
    ("RU-PSK", "Pskov", "Псков", "Псков", "PPLA", "city", ()),
    ("RU-VGG", "Volgograd", "Волгоград", "Волгоград", "PPLA", "city", ()),
)
# federal cities: the region a town is the capital of has the town's own name
RUSSIAN_FEDERAL_CITIES: dict[str, str] = {"RU-MOW": "Moscow", "RU-SPE": "Saint Petersburg"}

# Rivers of the front and the main rivers, GeoNames stream features (class H, STM): geonameid ->
# (canonical name in the national transliteration, extra alternates). They are in the
# gazetteer so that a river's name does not resolve to a village by an alternate name
# (Oskol, a former name of Boini); they are never candidates themselves.
GEONAMES_RIVERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "565896": ("Dnipro", ("Dnipro River", "Дніпро", "Днепр")),
    "565888": ("Dnister", ("Dniester", "Дністер", "Днестр")),
    "697134": ("Pivdennyi Buh", ("Southern Bug", "Південний Буг", "Южный Буг")),
    "514365": ("Oskil", ("Oskol", "Оскіл", "Оскол")),
    "12906761": ("Oskil", ()),
    "472810": ("Vovcha", ()),
    "689270": ("Vovcha", ("Volchya", "Волчья")),
    "11141623": ("Vovcha", ()),
    "687176": ("Zherebets", ()),
    "829784": ("Zherebets", ()),
    "713096": ("Aidar", ("Aidar", "Айдар")),
    "504385": ("Psel", ("Псел", "Псьол")),
    "688960": ("Vorskla", ()),
    "692209": ("Sula", ("Сула",)),
    "694876": ("Samara", ()),
    "707599": ("Inhulets", ()),
    "707603": ("Inhul", ()),
    "707117": ("Kalmius", ()),
    "704468": ("Krasna", ()),
    "700865": ("Mokri Yaly", ("Мокрые Ялы",)),
    "706559": ("Kazennyi Torets", ("Казенний Торець", "Казенный Торец")),
    "704008": ("Kryvyi Torets", ("Кривой Торец",)),
    "692214": ("Sukhyi Torets", ("Сухой Торец",)),
    "708914": ("Haichur", ()),
    "534248": ("Lopan", ()),
    "566389": ("Desna", ()),
    "496232": ("Seim", ("Сейм",)),
    "827503": ("Kinska", ()),
    "540238": ("Krynka", ()),
    "12148789": ("Mius", ()),
    "712958": ("Bakhmutka", ("Бахмутка",)),
    "707564": ("Irpin", ()),
    "622992": ("Prypiat", ()),
    "691585": ("Teteriv", ()),
}
# Rivers GeoNames' Ukraine extract lacks: names only (id, canonical name, alternates)
CURATED_RIVERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "river:siverskyi-donets",
        "Siverskyi Donets",
        (
            "Seversky Donets",
            "Severskiy Donets",
            "Siversky Donets",
            "Donets",
            "Сіверський Донець",
            "Северский Донец",
            "Донець",
            "Донец",
        ),
    ),
)
