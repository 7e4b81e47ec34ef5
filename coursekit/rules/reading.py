"""Reading the files and the schema of the front matter."""

from __future__ import annotations

from collections.abc import Iterable

from ..loader import Course
from ..problems import Problem
from .registry import _from_defects, rule

@rule("YAML001", "yaml-syntax")
def yaml_syntax(course: Course) -> Iterable[Problem]:
    """Was: Der Kopfbereich einer Seite ist kein gültiges YAML.

    Warum: Ohne lesbaren Kopfbereich kennt der Kurs weder Kennung noch Titel der Seite.

    Beispiel: `title: Rolle: Haltung und Auftrag` (zweiter Doppelpunkt ohne Anführungszeichen).

    Stattdessen: `title: "Rolle: Haltung und Auftrag"`.
    """
    return _from_defects("YAML001", course)


@rule("YAML002", "front-matter-not-mapping")
def front_matter_not_mapping(course: Course) -> Iterable[Problem]:
    """Was: Der Kopfbereich ist eine Liste oder ein einzelner Text statt Feldern.

    Warum: Jede Angabe braucht einen Feldnamen, damit sie geprüft werden kann.

    Beispiel: `- K1` als einzige Zeile im Kopfbereich.

    Stattdessen: `id: K1`.
    """
    return _from_defects("YAML002", course)


@rule("YAML003", "not-utf8")
def not_utf8(course: Course) -> Iterable[Problem]:
    """Was: Eine Markdown-Datei ist nicht in UTF-8 gespeichert.

    Warum: Umlaute würden falsch angezeigt oder die Datei gar nicht gelesen.

    Beispiel: Eine Datei aus einem alten Textprogramm in Windows-1252.

    Stattdessen: Im Editor „Speichern unter … Kodierung UTF-8“ wählen.
    """
    return _from_defects("YAML003", course)


@rule("YAML004", "duplicate-key")
def duplicate_key(course: Course) -> Iterable[Problem]:
    """Was: Ein Feld steht im selben Block zweimal, etwa zwei Zeilen `title:` (im Kopfbereich
    einer Seite oder in mkdocs.yml).

    Warum: YAML nimmt stillschweigend den letzten Wert; ein beim Kopieren doppelt geratenes
    Feld überschreibt unbemerkt das erste.

    Beispiel: `title: Rolle und Haltung` und zwei Zeilen tiefer `title: Rolle`.

    Stattdessen: Jedes Feld genau einmal; den richtigen Wert behalten, die andere Zeile löschen.
    """
    return _from_defects("YAML004", course)


@rule("YAML005", "yaml-alias")
def yaml_alias(course: Course) -> Iterable[Problem]:
    """Was: Der Kopfbereich verwendet YAML-Anker und -Verweise (`&name` und `*name`) oder
    `<<:`-Verweise.

    Warum: Kursinhalte brauchen sie nicht, und verschachtelte Verweise vervielfachen sich beim
    Lesen: Wenige Zeilen können die Prüfung minutenlang beschäftigen und Gigabytes belegen.

    Beispiel: `materials: *standard` mit `standard: &standard [Flipchart, Stifte]` weiter oben.

    Stattdessen: Die Werte ausschreiben: `materials: [Flipchart, Stifte]`.
    """
    return _from_defects("YAML005", course)


@rule("YAML006", "front-matter-too-large")
def front_matter_too_large(course: Course) -> Iterable[Problem]:
    """Was: Der Kopfbereich einer Seite ist größer als 64 KiB.

    Warum: Der größte Kopfbereich des Kurses (das Glossar) hat etwa 13 KiB; ein viel größerer
    ist fast immer ein Versehen (eingefügte Datei, fehlende schließende Linie `---`) und
    verlangsamt jede Prüfung.

    Beispiel: Die schließende Linie `---` fehlt, und der ganze Text gilt als Kopfbereich.

    Stattdessen: Die Linie `---` nach dem Kopfbereich setzen; lange Texte gehören in den
    Seitentext.
    """
    return _from_defects("YAML006", course)


@rule("YAML007", "front-matter-too-deep")
def front_matter_too_deep(course: Course) -> Iterable[Problem]:
    """Was: Listen und Felder im Kopfbereich sind tiefer als 20 Ebenen verschachtelt.

    Warum: Der Kurs braucht höchstens fünf Ebenen (Modul, Tage, Einheiten); tiefe
    Verschachtelung ist ein Versehen oder ein Versuch, die Prüfung zu überlasten.

    Beispiel: `x: [[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]`.

    Stattdessen: Die Felder so schreiben, wie die Seite „Felder im Kopfbereich“ sie zeigt.
    """
    return _from_defects("YAML007", course)


@rule("SCHEMA001", "missing-field")
def missing_field(course: Course) -> Iterable[Problem]:
    """Was: Ein Pflichtfeld fehlt im Kopfbereich.

    Warum: Ablaufpläne, Übersichten und Handbuch brauchen diese Angabe.

    Beispiel: Eine Einheit ohne `duration`.

    Stattdessen: `duration: 90`.
    """
    return _from_defects("SCHEMA001", course)


@rule("SCHEMA002", "wrong-type")
def wrong_type(course: Course) -> Iterable[Problem]:
    """Was: Ein Feld hat einen Wert der falschen Art oder außerhalb der Grenzen.

    Warum: Zahlen werden addiert, Listen aufgezählt; ein falscher Typ bricht beides.

    Beispiel: `duration: neunzig` oder `duration: 20` (Einheiten dauern 45 bis 180 Minuten).

    Stattdessen: `duration: 90`.
    """
    return _from_defects("SCHEMA002", course)


@rule("SCHEMA003", "unknown-field")
def unknown_field(course: Course) -> Iterable[Problem]:
    """Was: Ein Feld ist für diese Art von Seite nicht vorgesehen.

    Warum: Meist ein Tippfehler; die Angabe würde sonst stillschweigend ignoriert.

    Beispiel: `titel: Rolle der Koordination`.

    Stattdessen: `title: Rolle der Koordination`.
    """
    return _from_defects("SCHEMA003", course)


@rule("VOCAB001", "not-in-vocabulary")
def not_in_vocabulary(course: Course) -> Iterable[Problem]:
    """Was: Ein Wert steht nicht in der festen Werteliste (Strang, Lernphase, Sozialform,
    Format, Art der Seite).

    Warum: Filter, Übersichten und Ablaufpläne gruppieren nach diesen Werten.

    Beispiel: `social_form: Gruppenarbeit`.

    Stattdessen: `social_form: Kleingruppe`.
    """
    return _from_defects("VOCAB001", course)


@rule("CFG001", "invalid-course-config")
def invalid_course_config(course: Course) -> Iterable[Problem]:
    """Was: Der Block `extra.course` in mkdocs.yml ist unvollständig oder fehlerhaft.

    Warum: Name der Organisation, Tagesbeginn und Pausen gelten für den ganzen Kurs.

    Beispiel: `day_start: 9 Uhr`.

    Stattdessen: `day_start: "09:00"`.
    """
    return _from_defects("CFG001", course)


@rule("ID001", "duplicate-id")
def duplicate_id(course: Course) -> Iterable[Problem]:
    """Was: Eine Kennung (`id`) ist mehrfach vergeben.

    Warum: Verweise müssen eindeutig auf eine Seite zeigen.

    Beispiel: Zwei Einheiten mit `id: k1-rolle`.

    Stattdessen: `id: k1-rolle` und `id: k1-rollenklaerung`.
    """
    return _from_defects("ID001", course)


