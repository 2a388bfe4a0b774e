"""Language detection: clearly non-English résumés get one text.language finding and no English judgements; English
ones, short ones and ones with foreign names are not flagged."""

from __future__ import annotations

import pytest
from conftest import CORPUS, needs_corpus

from resume_check.ats import check_ats
from resume_check.errors import InputError
from resume_check.extract import extract
from resume_check.impact import analyse_impact
from resume_check.language import detect_language, language_name, load_languages
from resume_check.models import Document, Line, Resume, Source
from resume_check.structure import build_resume


def resume_of(text: str) -> Resume:
    lines = [Line(text=t.strip(), source_line=n) for n, t in enumerate(text.splitlines(), 1) if t.strip()]
    return build_resume(Document(source=Source(path="cv.txt", type="txt"), lines=tuple(lines)))


FRENCH = """Camille Durand
camille.durand@example.fr | +33 6 12 34 56 78
Profil
Cheffe de projet informatique avec dix ans d'expérience dans la conduite de projets de transformation pour des
clients du secteur public et de la banque.
Expérience professionnelle
Cheffe de projet, Société Générale, Paris — 2019 à aujourd'hui
- Pilotage de la migration des serveurs vers le cloud pour les équipes de la direction financière
- Mise en place des rituels agiles et suivi du budget avec les fournisseurs et les équipes internes
- Coordination des recettes et de la conduite du changement auprès des utilisateurs dans les agences
Formation
Master en systèmes d'information, Université de Lyon
Compétences
Gestion de projet, Scrum, Jira, pilotage des fournisseurs et des budgets
"""

GERMAN = """Jonas Becker
jonas.becker@example.de
Berufserfahrung
Projektleiter IT bei der Deutsche Bahn AG, Berlin, seit 2018
- Leitung eines Teams von acht Entwicklern und Testern für die Einführung eines neuen Buchungssystems
- Verantwortung für das Budget und die Abstimmung mit den Fachbereichen und den externen Dienstleistern
- Einführung von Scrum in der Abteilung und Begleitung der Teams bei der Umstellung auf agile Methoden
Ausbildung
Master Wirtschaftsinformatik an der Technischen Universität München
Kenntnisse
Projektmanagement, Scrum, Jira und die Steuerung von Dienstleistern mit einem Budget von zwei Millionen Euro
"""

SPANISH = """Lucía Martínez
lucia.martinez@example.es
Experiencia profesional
Jefa de proyectos de tecnología en el Banco Santander, Madrid, desde 2017
- Dirección de la migración de los sistemas de pagos a la nube con un equipo de doce personas
- Gestión del presupuesto y de los proveedores para los proyectos de la oficina de transformación
- Coordinación de las pruebas con los usuarios de las sucursales y de la formación para el cambio
Formación
Máster en dirección de proyectos por la Universidad Complutense de Madrid
Habilidades
Gestión de proyectos, Scrum, Jira, negociación con los proveedores y control de los costes
"""

ENGLISH_SHORT = """Jo Smith
jo@example.com
Experience
- Led the migration of 40 servers to Azure
- Cut costs by 12%
"""

ENGLISH_WITH_NAMES = """Pierre-Louis de la Fontaine
pierre@example.com | Paris, France
Experience
Project Manager, Société Générale, Paris, 2019 - Present
- Delivered the migration of the payments platform to the cloud for 2,000 users two weeks early
- Managed a team of 12 developers and testers across three vendors in Paris, Lyon and Madrid
- Negotiated the renewal of the data centre contract with Banco de la Nación, saving £120k a year
Education
MSc Information Systems, Université de Lyon
Skills
Scrum, Kanban, Jira, PRINCE2, stakeholder management, vendor management and budget control
"""


@pytest.mark.parametrize(
    ("text", "code", "name"), [(FRENCH, "fr", "French"), (GERMAN, "de", "German"), (SPANISH, "es", "Spanish")]
)
def test_non_english_resumes_are_recognised(text: str, code: str, name: str) -> None:
    resume = resume_of(text)
    assert resume.language == code
    assert language_name(code) == name
    language = [w for w in resume.warnings if w.id == "text.language"]
    assert len(language) == 1 and name in language[0].message and language[0].severity == "warning"


@pytest.mark.parametrize("text", [FRENCH, GERMAN, SPANISH])
def test_non_english_resumes_get_no_english_judgements(text: str) -> None:
    resume = resume_of(text)
    impact = analyse_impact(resume)
    assert impact.statements == () and impact.findings == ()
    ids = {f.id for f in check_ats(resume, impact)}
    assert not any(i.startswith(("ats.section", "ats.pronoun", "ats.cliche", "ats.dates", "ats.length")) for i in ids)


@pytest.mark.parametrize("text", [ENGLISH_SHORT, ENGLISH_WITH_NAMES])
def test_english_resumes_are_not_flagged(text: str) -> None:
    resume = resume_of(text)
    assert resume.language == "en"
    assert not any(w.id == "text.language" for w in resume.warnings)
    assert analyse_impact(resume).statements


def test_short_or_empty_text_is_english() -> None:
    assert detect_language("") == "en"
    assert detect_language("Le chef de projet et la gestion des équipes") == "en"  # too short to tell


def test_the_word_lists_are_distinct_from_english() -> None:
    languages = load_languages()
    english = languages["en"].words
    for code, lang in languages.items():
        if code != "en":
            assert not lang.words & english, (code, sorted(lang.words & english))


@needs_corpus
def test_no_corpus_resume_is_flagged_as_non_english() -> None:
    flagged = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix.lower() not in (".pdf", ".docx"):
            continue
        try:
            resume = build_resume(extract(path))
        except InputError:  # an image-only PDF: nothing to tell
            continue
        if resume.language != "en":
            flagged.append((path.name, resume.language))
    assert flagged == []
