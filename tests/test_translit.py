"""Ukrainian national romanisation (KMU resolution No. 55, 2010)."""

import pytest

from warclaims.places.translit import is_cyrillic, looks_russian, looks_ukrainian, translit_uk


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        # examples from the resolution itself
        ("Алушта", "Alushta"),
        ("Борщагівка", "Borshchahivka"),
        ("Вінниця", "Vinnytsia"),
        ("Гадяч", "Hadiach"),
        ("Згорани", "Zghorany"),
        ("Ґалаґан", "Galagan"),
        ("Дон", "Don"),
        ("Рівне", "Rivne"),
        ("Єнакієве", "Yenakiieve"),
        ("Наєнко", "Naienko"),
        ("Житомир", "Zhytomyr"),
        ("Закарпаття", "Zakarpattia"),
        ("Медвин", "Medvyn"),
        ("Іршава", "Irshava"),
        ("Їжакевич", "Yizhakevych"),
        ("Кадиївка", "Kadyivka"),
        ("Йосипівка", "Yosypivka"),
        ("Стрий", "Stryi"),
        ("Олексій", "Oleksii"),
        ("Хмельницький", "Khmelnytskyi"),
        ("Харків", "Kharkiv"),
        ("Біла Церква", "Bila Tserkva"),
        ("Чернівці", "Chernivtsi"),
        ("Шостка", "Shostka"),
        ("Гоща", "Hoshcha"),
        ("Юрій", "Yurii"),
        ("Крюківка", "Kriukivka"),
        ("Яготин", "Yahotyn"),
        ("Костянтин", "Kostiantyn"),
        ("Знам'янка", "Znamianka"),
        ("Феодосія", "Feodosiia"),
        # places the gazetteer needs
        ("Куп'янськ", "Kupiansk"),
        ("Куп’янськ-Вузловий", "Kupiansk-Vuzlovyi"),
        ("Гуляйполе", "Huliaipole"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Київ", "Kyiv"),
        ("Одеса", "Odesa"),
        ("Авдіївка", "Avdiivka"),
        ("Часів Яр", "Chasiv Yar"),
        ("Миколаїв", "Mykolaiv"),
        ("Луганськ", "Luhansk"),
        ("Слов'янськ", "Sloviansk"),
    ],
)
def test_translit_uk(cyrillic: str, latin: str) -> None:
    assert translit_uk(cyrillic) == latin


def test_initial_forms_after_space_and_hyphen() -> None:
    assert translit_uk("Стара Ялинка") == "Stara Yalynka"
    assert translit_uk("Гуляй-Поле") == "Huliai-Pole"
    assert translit_uk("Нова Юр'ївка") == "Nova Yurivka"


def test_case_and_passthrough() -> None:
    assert translit_uk("ЩАСТЯ") == "SHCHASTIA"
    assert translit_uk("Щастя") == "Shchastia"
    assert translit_uk("Kupiansk 2024") == "Kupiansk 2024"
    assert translit_uk("") == ""


def test_russian_letters_do_not_crash() -> None:
    assert translit_uk("Объект") == "Obekt"
    assert translit_uk("Элиста") == "Elysta"


def test_script_checks() -> None:
    assert is_cyrillic("Київ") and not is_cyrillic("Kyiv")
    assert looks_ukrainian("Київ") and not looks_ukrainian("Киев")
    assert looks_russian("Орёл") and not looks_russian("Київ")
