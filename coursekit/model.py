"""Typed front matter of every content kind, and the course configuration.

The classes are the single source for validation, for the JSON Schemas in
``schemas/`` and for the German field reference page. Field descriptions are
German because authors read them; identifiers stay English.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "Attribution",
    "Bibliography",
    "Break",
    "CaseWorld",
    "Bridge",
    "CourseConfig",
    "Day",
    "Glossary",
    "Goals",
    "KINDS",
    "Material",
    "Materials",
    "Method",
    "Module",
    "Person",
    "Place",
    "Practice",
    "Range",
    "Selfcheck",
    "ShortForm",
    "Slides",
    "Source",
    "Step",
    "Term",
    "Unit",
    "Worksheet",
]

Track = Literal["coordinators", "leaders", "joint"]
Phase = Literal["Einsteigen", "Erarbeiten", "Integrieren", "Auswerten", "Pause"]
SocialForm = Literal["Einzelarbeit", "Partnerarbeit", "Kleingruppe", "Plenum"]
Setting = Literal["Präsenz", "online", "hybrid"]
Lead = Literal["A", "B", "beide"]

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$"),
    Field(description="Kennung aus Buchstaben, Ziffern und Bindestrichen, z. B. `k1-rolle`."),
]
ClockTime = Annotated[
    str,
    StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
    Field(description="Uhrzeit im Format HH:MM, z. B. `09:00`."),
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
WebAddress = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[^\s<>\"'`]+$"),
    Field(description="Adresse, die mit `https://` oder `http://` beginnt."),
]

TRACK_LABELS = {"coordinators": "Koordination", "leaders": "Führung", "joint": "Gemeinsam"}
CLOCK = re.compile(r"^(\d\d):(\d\d)$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Goals(_Strict):
    """Lernziele nach den Kompetenzkategorien des DQR."""

    knowledge: list[Text] = Field(default_factory=list, description="Wissen (Fachkompetenz).")
    skills: list[Text] = Field(default_factory=list, description="Fertigkeiten (Fachkompetenz).")
    social: list[Text] = Field(
        default_factory=list, description="Sozialkompetenz (personale Kompetenz)."
    )
    autonomy: list[Text] = Field(
        default_factory=list, description="Selbstständigkeit (personale Kompetenz)."
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Goals:
        if not (self.knowledge or self.skills or self.social or self.autonomy):
            raise ValueError("mindestens ein Lernziel in einer Kategorie")
        return self


class Step(_Strict):
    """Ein Schritt im Ablaufplan einer Einheit."""

    minutes: int = Field(gt=0, le=180, description="Dauer des Schritts in Minuten.")
    phase: Phase = Field(
        description="Lernphase: Einsteigen, Erarbeiten, Integrieren, Auswerten "
        "oder Pause (eine Pause innerhalb der Einheit)."
    )
    content: Text = Field(description="Was in diesem Schritt geschieht.")
    method: Id | None = Field(default=None, description="Kennung der Methode (aus docs/methods/).")
    social_form: SocialForm | None = Field(
        default=None,
        description="Sozialform: Einzelarbeit, Partnerarbeit, Kleingruppe oder Plenum.",
    )
    material: str | None = Field(
        default=None,
        description="Hinweis zum Material in diesem Schritt, z. B. „Arbeitsblatt Teil C“ (freier Text; "
        "was gepackt wird, steht unter `materials` der Einheit).",
    )
    lead: Lead | None = Field(
        default=None,
        description="Wer den Schritt leitet: `A`, `B` (die beiden Trainerinnen oder Trainer des Teams) "
        "oder `beide`; ohne Angabe gilt `lead` der Einheit. Steht im Ablaufplan der Tagesmappe.",
    )
    presents: bool = Field(
        default=False,
        description="Der Schritt stellt die Methode nur vor, z. B. erklärt Open Space für später; "
        "er zählt nicht als Durchführung der Methode.",
    )
    short_form: bool = Field(
        default=False,
        description="Der Schritt nutzt die Kurzform der Methode (`short_form` auf der Methodenseite).",
    )


class Break(_Strict):
    """Eine Pause zwischen zwei Einheiten eines Tages."""

    after_unit: int = Field(gt=0, description="Nach der wievielten Einheit des Tages.")
    minutes: int = Field(gt=0, le=120, description="Länge der Pause in Minuten.")
    title: Text = Field(default="Pause", description="Bezeichnung, z. B. Mittagspause.")


class Day(_Strict):
    """Ein Kurstag eines Moduls."""

    title: Text | None = Field(default=None, description="Überschrift des Tages (optional).")
    units: list[Id] = Field(min_length=1, description="Kennungen der Einheiten in ihrer Reihenfolge.")
    start: ClockTime | None = Field(
        default=None, description="Beginn; ohne Angabe gilt `day_start` aus mkdocs.yml."
    )
    breaks: list[Break] | None = Field(
        default=None, description="Pausen dieses Tages; ohne Angabe gilt `breaks` aus mkdocs.yml."
    )
    buffer: int = Field(
        default=0, ge=0, le=60,
        description="Zeitpuffer in Minuten am Ende des Tages (keine Lernzeit, mindestens 15 empfohlen).",
    )


class Bridge(_Strict):
    """Ein Brückenbaustein: eine kurze Einheit dieses Moduls für Teilnehmende, die ein
    vorausgesetztes Modul nicht besucht haben, weil ihre Kursvariante es nicht enthält."""

    for_module: Id = Field(
        description="Das vorausgesetzte Modul (aus `prerequisites`), das der Baustein ersetzt, z. B. `F1`."
    )
    unit: Id = Field(
        description="Kennung der Brückeneinheit. Sie gehört zu diesem Modul (`module:`), steht aber "
        "in keinem Kurstag unter `days`."
    )
    audience: Text = Field(description="Für wen der Baustein ist, z. B. „Führungskräfte ohne F1“.")
    placement: Literal["Vorlauf", "eigener Termin"] = Field(
        default="Vorlauf",
        description="Wann er stattfindet: `Vorlauf` (am ersten Kurstag direkt vor dem gemeinsamen "
        "Beginn; der Tag beginnt für diese Gruppe früher) oder `eigener Termin` (ein eigener "
        "Termin vor dem Kurstag, z. B. online in der Woche davor).",
    )


class Module(_Strict):
    """Ein Modul (z. B. K1): mehrere Kurstage aus Einheiten."""

    kind: Literal["module"] = Field(description="Art der Seite: `module`.")
    id: Id
    title: Text = Field(description="Titel des Moduls.")
    track: Track = Field(
        description="Kursstrang: coordinators (Koordination), leaders (Führung) "
        "oder joint (Gemeinsam)."
    )
    summary: Text = Field(description="Ein bis drei Sätze: worum es im Modul geht.")
    goals: list[Text] = Field(min_length=1, description="Ziele des Moduls.")
    prerequisites: list[Id] = Field(
        default_factory=list, description="Kennungen der Module, die vorher besucht werden."
    )
    days: list[Day] = Field(min_length=1, description="Die Kurstage mit ihren Einheiten.")
    bridges: list[Bridge] = Field(
        default_factory=list,
        description="Brückenbausteine für Varianten, in denen ein vorausgesetztes Modul fehlt: "
        "je Eintrag `for_module`, `unit`, `audience` und `placement`. Nur die Varianten, denen "
        "das Modul fehlt, planen den Baustein ein.",
    )
    literature: list[Id] = Field(default_factory=list, description="Kennungen aus der Literaturliste.")


class Unit(_Strict):
    """Eine Einheit: eine Sitzung von 45 bis 180 Minuten mit Ablaufplan."""

    kind: Literal["unit"] = Field(description="Art der Seite: `unit`.")
    id: Id
    module: Id = Field(description="Kennung des Moduls, zu dem die Einheit gehört.")
    title: Text = Field(description="Titel der Einheit.")
    duration: int = Field(ge=45, le=180, description="Dauer in Minuten (45 bis 180).")
    summary: Text = Field(description="Kurzbeschreibung in ein bis drei Sätzen.")
    goals: Goals = Field(description="Lernziele nach DQR-Kategorien.")
    steps: list[Step] = Field(min_length=1, description="Ablaufplan: die Schritte in Reihenfolge.")
    worksheets: list[Id] = Field(default_factory=list, description="Kennungen der Arbeitsblätter.")
    materials: list[Id] = Field(
        default_factory=list,
        description="Material der Einheit: Kennungen aus dem Materialkatalog (docs/materialien.md), "
        "z. B. `[moderationskarten, pinnwand]`. Die Mengen berechnet die Tagesmappe.",
    )
    lead: Lead | None = Field(
        default=None,
        description="Wer die Einheit leitet: `A`, `B` oder `beide` (gilt für jeden Schritt ohne eigenes "
        "`lead`). Ohne Angabe bleibt die Spalte in der Tagesmappe zum Eintragen frei.",
    )
    literature: list[Id] = Field(default_factory=list, description="Kennungen aus der Literaturliste.")

    @property
    def methods(self) -> list[str]:
        """Method ids in order of first use in the Ablaufplan."""
        return list(dict.fromkeys(s.method for s in self.steps if s.method))


class Range(_Strict):
    """Ein Bereich von … bis …."""

    min: int = Field(gt=0, description="Untergrenze.")
    max: int = Field(gt=0, description="Obergrenze.")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min > self.max:
            raise ValueError("min darf nicht größer als max sein")
        return self


class Attribution(_Strict):
    """Nachweis, wenn eine veröffentlichte Methodenbeschreibung bearbeitet wurde."""

    title: Text = Field(description="Titel der Vorlage.")
    author: Text = Field(description="Urheberin oder Urheber.")
    licence: Text = Field(description="Lizenz der Vorlage, z. B. CC BY 4.0.")
    link: WebAddress | None = Field(default=None, description="Adresse der Vorlage.")
    origin: str | None = Field(default=None, description="Herkunft, z. B. Verlag oder Projekt.")


class ImageCredit(Attribution):
    """Bildnachweis: ein Bild der Seite mit Titel, Urheberschaft, Lizenz, Link und Herkunft."""

    src: Text = Field(description="Pfad des Bildes wie im Text, z. B. `../assets/images/karte.svg`.")
    link: WebAddress | None = Field(default=None, description="Adresse des Originals oder der Lizenz.")
    origin: Text = Field(description="Herkunft, z. B. „eigenes Werk“, Projekt oder Archiv.")


class PageImages(_Strict):
    """Die Felder, die jede Seite haben darf, gleich welcher Art: Bildnachweise und ob die
    Seite gedruckt wird."""

    images: list[ImageCredit] = Field(default_factory=list, description="Bildnachweise der Seite.")
    print: bool = Field(
        default=True,
        description="`false`: Die Seite gehört nur zur Website und fehlt in Handbuch und "
        "Arbeitsheft (z. B. Autorenanleitung, Impressum). Einzelne Absätze: `{ .screen-only }` "
        "oder `<div class=\"screen-only\" markdown>`; nur im Druck: `.print-only`.",
    )


class ShortForm(_Strict):
    """Die Kurzform einer Methode: kürzer, mit ehrlich benanntem Verzicht."""

    minutes: int = Field(gt=0, description="Mindestdauer der Kurzform in Minuten.")
    steps: Text = Field(description="Wie die Kurzform abläuft.")
    gives_up: Text = Field(description="Worauf die Kurzform gegenüber der vollen Methode verzichtet.")


class Method(_Strict):
    """Eine Methode der Methodensammlung."""

    kind: Literal["method"] = Field(description="Art der Seite: `method`.")
    id: Id
    title: Text = Field(description="Name der Methode.")
    purpose: Text = Field(description="Wozu die Methode dient, in einem Satz.")
    group_size: Range = Field(description="Gruppengröße (Personen), min und max.")
    duration: Range = Field(description="Dauer in Minuten, min und max.")
    short_form: ShortForm | None = Field(
        default=None, description="Kurzform der Methode (optional): Minuten, Ablauf, Verzicht."
    )
    settings: list[Setting] = Field(
        min_length=1, description="Formate: Präsenz, online, hybrid."
    )
    phases: list[Phase] = Field(
        default_factory=list, description="Lernphasen, in denen die Methode passt."
    )
    materials: list[Id] = Field(
        default_factory=list,
        description="Material der Methode: Kennungen aus dem Materialkatalog (docs/materialien.md). "
        "Raumbedarf und Aufbau beschreibt der Abschnitt „Raum und Material“ im Text.",
    )
    literature: list[Id] = Field(default_factory=list, description="Kennungen aus der Literaturliste.")
    attribution: Attribution | None = Field(
        default=None, description="Nachweis bei bearbeiteten fremden Beschreibungen."
    )


class Worksheet(_Strict):
    """Ein Arbeitsblatt oder Handout für Teilnehmende."""

    kind: Literal["worksheet"] = Field(description="Art der Seite: `worksheet`.")
    id: Id
    title: Text = Field(description="Titel des Arbeitsblatts.")
    module: Id = Field(description="Kennung des Moduls, zu dem das Arbeitsblatt gehört.")
    summary: Text = Field(description="Wozu das Blatt dient, in einem Satz.")


MaterialPer = Literal["Person", "Gruppe", "Raum", "Leitung"]
MaterialType = Literal["Verbrauchsmaterial", "Ausstattung", "Plakat", "Druck", "Raum"]


class Material(_Strict):
    """Ein Eintrag im Materialkatalog: was es ist und wie es gezählt wird."""

    id: Id
    name: Text = Field(description="Bezeichnung, wie sie in der Packliste steht, z. B. „Moderationskarten“.")
    type: MaterialType = Field(
        description="Art: `Verbrauchsmaterial` (wird verbraucht, Mengen der Einheiten addieren sich), "
        "`Ausstattung` (wird wiederverwendet), `Plakat` (vorher vorbereiten), `Druck` (kopieren oder "
        "drucken, steht in der Kopierliste) oder `Raum` (Raumbedarf, wird nicht gepackt)."
    )
    per: MaterialPer = Field(
        default="Raum",
        description="Gezählt je `Person` (Teilnehmende), je `Gruppe` (Kleingruppe nach `group_size`), "
        "je `Raum` (einmal) oder je `Leitung` (je Trainerin oder Trainer).",
    )
    amount: int = Field(default=1, ge=1, le=500, description="Wie viele je Person, Gruppe, Raum oder Leitung.")
    unit: Text = Field(default="Stück", description="Zähleinheit in der Packliste, z. B. Stück, Bogen, Rolle, Satz.")
    note: str | None = Field(default=None, description="Hinweis, z. B. Farben oder Format (optional).")
    prepare: str | None = Field(
        default=None,
        description="Was vor dem Kurstag zu tun ist, z. B. „Gast einladen“ (optional); steht in der "
        "Tagesmappe unter „Vorbereitung“.",
    )
    when: Literal["6 Wochen vorher", "2 Wochen vorher", "1 Tag vorher", "am Morgen"] = Field(
        default="2 Wochen vorher", description="Wann `prepare` ansteht."
    )


class Materials(_Strict):
    """Der Materialkatalog (eine Seite mit `kind: materials`): jedes Material einmal, mit Kennung."""

    kind: Literal["materials"] = Field(description="Art der Seite: `materials`.")
    title: Text | None = None
    items: list[Material] = Field(min_length=1, description="Die Materialien: je `id`, `name`, `type`, `per`, `amount`, `unit`.")


class Source(_Strict):
    """Ein Eintrag der Literaturliste: ein Dokument, das es mit genau diesen Angaben gibt."""

    id: Id
    author: Text = Field(description="Autorinnen, Autoren oder Herausgebende.")
    year: int | None = Field(
        default=None, ge=1900, le=2100,
        description="Erscheinungsjahr. Nur bei Webseiten ohne Datum weglassen; dann steht „o. J.“ "
        "(ohne Jahr), und `url` und `accessed` sind Pflicht.",
    )
    published: date | None = Field(
        default=None,
        description="Genaues Erscheinungsdatum (JJJJ-MM-TT), z. B. bei Blogbeiträgen; erscheint als "
        "TT.MM.JJJJ. Das Jahr muss zu `year` passen.",
    )
    title: Text = Field(description="Titel, genau wie veröffentlicht.")
    publisher: str | None = Field(default=None, description="Verlag, Ort oder Reihe.")
    url: WebAddress | None = Field(default=None, description="Adresse, falls frei verfügbar.")
    accessed: date | None = Field(
        default=None,
        description="Bei Webseiten: Tag des letzten Abrufs (JJJJ-MM-TT); erscheint als "
        "„abgerufen am TT.MM.JJJJ“.",
    )

    @model_validator(mode="after")
    def _dated(self) -> Source:
        if self.year is None and not (self.url and self.accessed):
            raise ValueError("ohne Erscheinungsjahr (o. J.) sind `url` und `accessed` nötig")
        if self.published and self.year is not None and self.published.year != self.year:
            raise ValueError("`published` und `year` nennen verschiedene Jahre")
        if self.accessed and not self.url:
            raise ValueError("`accessed` braucht eine Adresse in `url`")
        return self

    @property
    def year_label(self) -> str:
        """The year as cited: the year, or „o. J.“ for an undated web page."""
        return str(self.year) if self.year is not None else "o. J."


class Bibliography(_Strict):
    """Die Literaturliste (eine Seite mit `kind: bibliography`)."""

    kind: Literal["bibliography"] = Field(description="Art der Seite: `bibliography`.")
    title: Text | None = None
    entries: list[Source] = Field(min_length=1, description="Die Literaturangaben.")


class Term(_Strict):
    """Ein Begriff des Glossars."""

    id: Id
    term: Text = Field(description="Der Begriff, wie er im Glossar steht.")
    definition: Text = Field(description="Erklärung in ein bis drei Sätzen.")
    source: Id | None = Field(default=None, description="Kennung aus der Literaturliste (optional).")


class Glossary(_Strict):
    """Das Glossar (eine Seite mit `kind: glossary`)."""

    kind: Literal["glossary"] = Field(description="Art der Seite: `glossary`.")
    title: Text | None = None
    terms: list[Term] = Field(min_length=1, description="Die Begriffe.")
    synonyms: list[Annotated[list[Text], Field(min_length=2)]] = Field(
        default_factory=list,
        description="Suchwörter: Gruppen von Wörtern, die die Suche des Auftritts als gleichbedeutend "
        "behandelt (z. B. `[Evaluation, Auswertung, Wirkungsbilanz]`). Wer eines sucht, findet alle.",
    )


PlaceKind = Literal["Stadt", "Gemeinde", "Landkreis", "Verbund"]
PersonName = Annotated[
    str,
    StringConstraints(pattern=r"^(Frau|Herr) [A-ZÄÖÜ][a-zäöüß]+(-[A-ZÄÖÜ][a-zäöüß]+)?$"),
    Field(description="Name, wie er in den Texten steht: „Frau“ oder „Herr“ und Nachname, z. B. „Frau Okafor“."),
]


class Place(_Strict):
    """Ein erfundener Ort der Fallwelt."""

    id: Id
    name: Text = Field(description="Name, wie er in den Texten steht, z. B. „Auental“.")
    kind: PlaceKind = Field(description="Art: Stadt, Gemeinde, Landkreis oder Verbund (mehrere Kommunen).")
    description: Text = Field(description="Ein bis zwei Sätze: Lage, Größe, Netzwerke, die dort spielen.")


class Person(_Strict):
    """Eine erfundene Person der Fallwelt; sie gehört zu genau einem Ort."""

    id: Id
    name: PersonName
    place: Id = Field(description="Kennung des Ortes (aus `places`), an dem die Person arbeitet.")
    organisation: Text = Field(description="Organisation oder Stelle, z. B. „Jugendamt“.")
    role: Text = Field(description="Rolle, z. B. „koordiniert das Netzwerk Frühe Hilfen“.")
    modules: list[Id] = Field(
        default_factory=list, description="Module, in denen die Person vorkommt (optional)."
    )


class CaseWorld(_Strict):
    """Die Fallwelt (eine Seite mit `kind: caseworld`): alle erfundenen Orte und Personen der Fälle."""

    kind: Literal["caseworld"] = Field(description="Art der Seite: `caseworld`.")
    title: Text | None = None
    places: list[Place] = Field(min_length=1, description="Die Orte: je `id`, `name`, `kind`, `description`.")
    people: list[Person] = Field(
        min_length=1, description="Die Personen: je `id`, `name`, `place`, `organisation`, `role`, `modules`."
    )


Field_ = Literal[
    "Frühe Hilfen", "Alter und Pflege", "Kinderschutz", "Bildung", "Gesundheit",
    "Klimaanpassung und Wasser", "Sozialraum und Quartier", "Sonstiges",
]


class Practice(_Strict):
    """Ein Praxisbeispiel: was eine Kommune in der Netzwerkarbeit ausprobiert hat."""

    kind: Literal["practice"] = Field(description="Art der Seite: `practice`.")
    id: Id
    title: Text = Field(description="Titel des Praxisbeispiels.")
    municipality: Text = Field(description="Kommune oder Region (bei Beispielen im Kurs erfunden).")
    field: Field_ = Field(
        description="Handlungsfeld: Frühe Hilfen, Alter und Pflege, Kinderschutz, Bildung, "
        "Gesundheit, Klimaanpassung und Wasser, Sozialraum und Quartier, Sonstiges."
    )
    network_type: Text = Field(description="Art des Netzwerks, z. B. Strukturnetzwerk, Handlungsnetzwerk.")
    summary: Text = Field(description="Worum es geht, in ein bis drei Sätzen.")
    contact_role: Text = Field(
        description="Ansprechstelle als Funktion, nicht als Person, z. B. Netzwerkkoordination im Jugendamt."
    )
    year: int = Field(ge=2000, le=2100, description="Jahr, aus dem das Beispiel stammt.")
    modules: list[Id] = Field(default_factory=list, description="Module, zu denen das Beispiel passt.")


class ScalePoint(_Strict):
    """Eine Stufe der Antwortskala im Netzwerk-Check."""

    label: Text = Field(description="Beschriftung der Stufe, z. B. „trifft eher zu“.")
    points: int = Field(ge=0, le=10, description="Punkte für diese Stufe (0 für die niedrigste).")


class Dimension(_Strict):
    """Eine Dimension des Netzwerk-Checks: ein Thema mit mehreren Aussagen."""

    id: Id
    title: Text = Field(description="Titel der Dimension, z. B. „Gemeinsame Ziele“.")
    summary: Text = Field(description="Worum es in der Dimension geht, in ein bis zwei Sätzen.")
    questions: list[Text] = Field(
        min_length=2, max_length=3,
        description="Zwei bis drei Gesprächsfragen für die Auswertung im Netzwerk.",
    )
    unit: Id = Field(description="Kennung der Einheit, die an dieser Dimension arbeitet.")


class Statement(_Strict):
    """Eine Aussage des Netzwerk-Checks, die auf der Skala eingeschätzt wird."""

    id: Id
    dimension: Id = Field(description="Kennung der Dimension, zu der die Aussage gehört.")
    text: str = Field(
        description="Die Aussage: konkret und beobachtbar, aus Sicht des Netzwerks formuliert."
    )


class Selfcheck(_Strict):
    """Ein Selbstcheck (z. B. der Netzwerk-Check): Dimensionen, Aussagen und Skala als Daten."""

    kind: Literal["selfcheck"] = Field(description="Art der Seite: `selfcheck`.")
    id: Id
    title: Text = Field(description="Titel des Selbstchecks.")
    summary: Text = Field(description="Wozu der Selbstcheck dient, in ein bis zwei Sätzen.")
    scale: list[ScalePoint] = Field(
        min_length=2,
        description="Stufen der Antwortskala von der niedrigsten zur höchsten, mit Punkten.",
    )
    unknown: Text = Field(
        default="weiß nicht",
        description="Beschriftung der Antwort, die nicht zählt (geht nicht in die Punkte ein).",
    )
    dimensions: list[Dimension] = Field(min_length=1, description="Die Dimensionen in ihrer Reihenfolge.")
    statements: list[Statement] = Field(min_length=1, description="Die Aussagen in ihrer Reihenfolge.")
    literature: list[Id] = Field(default_factory=list, description="Kennungen aus der Literaturliste.")


class Slides(_Strict):
    """Die Folien einer Einheit: eine Datei `folien/<einheit>.md` neben der Einheit. Im Text
    trennt eine Zeile `---` die Folien; jede Folie hat eine Überschrift `# …`, einige Punkte
    oder eine Abbildung, eine Zeile `Quelle: <kennung>` und nach einer Zeile `???` die Notizen
    für die Vortragenden."""

    kind: Literal["slides"] = Field(description="Art der Seite: `slides`.")
    unit: Id = Field(description="Kennung der Einheit, deren Inputs die Folien zeigen.")
    literature: list[Id] = Field(
        default_factory=list, description="Kennungen aus der Literaturliste, die die Folien nennen."
    )


HexColor = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True)]


class Colors(_Strict):
    """Farben des Auftritts (Kopfzeile, Links, Schaltflächen)."""

    primary: HexColor = Field(description="Hauptfarbe als Hex-Wert, z. B. `\"#2b3a8c\"`; weiße Schrift muss darauf lesbar sein.")
    accent: HexColor | None = Field(default=None, description="Akzentfarbe (Hervorhebungen); ohne Angabe die Hauptfarbe.")


class Imprint(_Strict):
    """Angaben für das Impressum (§ 5 DDG, § 18 Abs. 2 MStV)."""

    provider: OptionalText = Field(default="", description="Name der Anbieterin oder des Anbieters; ohne Angabe die Organisation.")
    legal_form: OptionalText = Field(default="", description="Rechtsform, z. B. Körperschaft des öffentlichen Rechts (freiwillig).")
    address: OptionalText = Field(default="", description="Ladungsfähige Anschrift.")
    represented_by: OptionalText = Field(default="", description="Vertretungsberechtigte Person(en).")
    email: OptionalText = Field(default="", description="E-Mail-Adresse.")
    phone: OptionalText = Field(default="", description="Telefonnummer.")
    responsible: OptionalText = Field(default="", description="Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: Name und Anschrift.")
    supervisory_authority: OptionalText = Field(default="", description="Zuständige Aufsichtsbehörde (freiwillig).")
    vat_id: OptionalText = Field(default="", description="Umsatzsteuer-Identifikationsnummer (freiwillig).")


class Privacy(_Strict):
    """Angaben für die Datenschutzerklärung."""

    controller: OptionalText = Field(default="", description="Verantwortliche Stelle mit Anschrift; ohne Angabe Organisation und Anschrift aus dem Impressum.")
    dpo: OptionalText = Field(default="", description="Datenschutzbeauftragte Person oder Stelle mit Kontakt.")
    hosting: OptionalText = Field(default="", description="Wer den Auftritt betreibt (Hosting), mit Sitz.")
    log_days: int = Field(default=7, ge=0, le=365, description="Wie viele Tage der Server Zugriffsprotokolle aufbewahrt.")
    supervisory_authority: OptionalText = Field(default="", description="Zuständige Datenschutz-Aufsichtsbehörde mit Anschrift.")


class Accessibility(_Strict):
    """Angaben für die Erklärung zur Barrierefreiheit (BITV 2.0, EU-Mustererklärung)."""

    status: Literal["vollständig vereinbar", "teilweise vereinbar", "nicht vereinbar", ""] = Field(
        default="", description="Stand der Vereinbarkeit mit BITV 2.0."
    )
    evaluated: OptionalText = Field(default="", description="Datum der letzten Prüfung (JJJJ-MM-TT).")
    method: OptionalText = Field(default="", description="Wie geprüft wurde, z. B. Selbstbewertung.")
    known_issues: list[Text] = Field(default_factory=list, description="Nicht barrierefreie Inhalte und warum.")
    feedback: OptionalText = Field(default="", description="Kontakt für Rückmeldungen zu Barrieren.")
    enforcement: OptionalText = Field(default="", description="Schlichtungs- oder Durchsetzungsstelle mit Anschrift und Adresse.")


class Upstream(_Strict):
    """Der Kurs, auf dem eine angepasste Fassung beruht."""

    title: Text = Field(description="Name des Ursprungskurses.")
    url: WebAddress = Field(description="Adresse des Ursprungskurses.")
    repository: WebAddress | None = Field(default=None, description="Adresse des Quellcodes.")


class CourseConfig(_Strict):
    """Der Block `extra.course` in mkdocs.yml."""

    title: Text = Field(default="Synergien vor Ort", description="Name der Fortbildung (Titel des Auftritts und der PDFs).")
    organisation: Text = Field(description="Name der Kommune oder Organisation.")
    logo: str | None = Field(default=None, description="Logo: Pfad unterhalb von docs/, z. B. `assets/images/logo.svg`.")
    colors: Colors | None = Field(default=None, description="Farben des Auftritts.")
    contact: str | None = Field(default=None, description="Kontakt (E-Mail oder Stelle).")
    base_url: str | None = Field(
        default=None, pattern=r"^https?://", description="Adresse, unter der der Auftritt veröffentlicht wird."
    )
    licence: Literal["CC BY-SA 4.0", "CC BY 4.0"] = Field(
        default="CC BY-SA 4.0", description="Lizenz der Inhalte: `CC BY-SA 4.0` oder `CC BY 4.0`."
    )
    licence_holder: str | None = Field(
        default=None, description="Rechteinhaberin oder Rechteinhaber; ohne Angabe die Organisation."
    )
    variant: str | None = Field(
        default=None, description="Angebotene Kursvariante (ein Name aus `variants`); ohne Angabe alle Module."
    )
    imprint: Imprint = Field(default_factory=Imprint, description="Impressum.")
    privacy: Privacy = Field(default_factory=Privacy, description="Datenschutzerklärung.")
    accessibility: Accessibility = Field(default_factory=Accessibility, description="Erklärung zur Barrierefreiheit.")
    upstream: Upstream | None = Field(default=None, description="Ursprungskurs, wenn dies eine angepasste Fassung ist.")
    repository: WebAddress | None = Field(
        default=None,
        description="Adresse des Repositorys mit den Quelltexten dieses Kurses (GitLab, openCoDE, GitHub, "
        "Codeberg). Mit Adresse zeigt jede Seite „Quelltext“, „Diese Seite bearbeiten“ und „Problem melden“; "
        "ohne Adresse nur die Rückmeldung per E-Mail an `contact`.",
    )
    forge: Literal["gitlab", "github", "gitea"] = Field(
        default="gitlab",
        description="Art des Repositorys für die Links zum Bearbeiten: `gitlab` (auch openCoDE), `github` "
        "oder `gitea` (Codeberg, Forgejo).",
    )
    branch: Text = Field(default="main", description="Zweig des Repositorys, in dem die Seiten bearbeitet werden.")
    version: Text = Field(default="1.0", description="Fassung des Kurses (steht auf den Titelseiten der PDFs).")
    day_start: ClockTime = Field(default="09:00", description="Beginn eines Kurstages.")
    day_end: ClockTime = Field(default="17:00", description="Spätestes Ende eines Kurstages.")
    breaks: list[Break] = Field(
        default_factory=list, description="Pausenmuster eines Tages (nach welcher Einheit, wie lang)."
    )
    max_block_minutes: int = Field(
        default=90, gt=0, description="Längste Lernzeit ohne Pause in Minuten."
    )
    max_day_minutes: int = Field(
        default=360, gt=0, description="Höchste Lernzeit eines Tages in Minuten (8 UE = 360)."
    )
    variants: dict[Text, list[Id]] = Field(
        default_factory=dict,
        description="Kursvarianten: Name und Module in der Reihenfolge, in der sie stattfinden.",
    )
    calendar_start: Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")] = Field(
        default="2027-02", description="Monat des ersten Moduls im Kurskalender (JJJJ-MM)."
    )
    transfer_weeks: int = Field(
        default=5, ge=1, le=26, description="Wochen Transferphase zwischen zwei Modulen."
    )
    participants: int = Field(
        default=20, ge=1, le=200, description="Teilnehmende je Kurs (für Mengen, Kopien und die Teilnahmeliste)."
    )
    group_size: int = Field(default=4, ge=2, le=20, description="Personen je Kleingruppe (für Mengen je Gruppe).")
    trainers: int = Field(
        default=2, ge=1, le=4,
        description="Trainerinnen und Trainer je Kurstag; bei 1 fehlt die Spalte „Leitung“ im Ablaufplan der Tagesmappe.",
    )
    copy_reserve: int = Field(default=2, ge=0, le=50, description="Zusätzliche Kopien je Arbeitsblatt (Reserve).")
    dates: dict[Id, list[date]] = Field(
        default_factory=dict,
        description="Termine je Modul für Bescheinigungen und Teilnahmelisten, z. B. "
        "`K1: [\"2027-02-04\", \"2027-02-05\"]`; ohne Angabe bleibt eine Zeile zum Eintragen.",
    )
    nav_order: list[str] = Field(
        default_factory=list,
        description="Reihenfolge der obersten Navigationsebene: Datei- oder Ordnernamen in "
        "docs/; nicht genannte folgen alphabetisch.",
    )

    @model_validator(mode="before")
    @classmethod
    def _defaults_from_organisation(cls, data):
        """Licence holder, provider and data controller default to the organisation."""
        if not isinstance(data, dict):
            return data
        organisation = data.get("organisation")
        data = {**data, "licence_holder": data.get("licence_holder") or organisation}
        imprint, privacy = data.get("imprint"), data.get("privacy")
        if isinstance(imprint, dict) and not imprint.get("provider"):
            data["imprint"] = imprint = {**imprint, "provider": organisation}
        if isinstance(privacy, dict) and not privacy.get("controller"):
            address = imprint.get("address") if isinstance(imprint, dict) else None
            data["privacy"] = {**privacy, "controller": ", ".join(x for x in (organisation, address) if x)}
        return data

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS[self.licence]


LICENCE_URLS = {
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/",
}


KINDS: dict[str, type[_Strict]] = {
    "module": Module,
    "unit": Unit,
    "method": Method,
    "worksheet": Worksheet,
    "bibliography": Bibliography,
    "glossary": Glossary,
    "practice": Practice,
    "caseworld": CaseWorld,
    "selfcheck": Selfcheck,
    "slides": Slides,
    "materials": Materials,
}


def minutes_of(clock: str) -> int:
    """Minutes since midnight of an ``HH:MM`` string."""
    m = CLOCK.match(clock)
    if not m:
        raise ValueError(clock)
    return int(m.group(1)) * 60 + int(m.group(2))


def clock_of(minutes: int) -> str:
    """``HH:MM`` string of minutes since midnight."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# The macros authors may call in page bodies, and which kind of id their first argument takes
# ("any": an id of any kind; None: no id). Without an argument a macro uses the page's own id.
MACRO_ARGS: dict[str, tuple[str, ...] | None] = {
    "module_overview": ("module",),
    "run_sheet": ("module",),
    "unit_overview": ("unit",),
    "unit_plan": ("unit",),
    "method_facts": ("method",),
    "used_in": ("method", "worksheet"),
    "key_points": ("module",),
    "sources": ("module", "unit", "method", "selfcheck"),
    "link": ("any",),
    "term": ("term",),
    "glossary": None,
    "variant_overview": None,
    "course_calendar": None,
    "practice_index": None,
    "case_world": None,
    "materials_list": None,
    "materials_catalogue": None,
    "downloads": None,
    "course_days": None,
    "practice_form": None,
    "course_facts": None,
    "attributions": None,
    "image_credits": None,
    "track_overview": ("track",),
    "method_index": None,
    "bibliography": None,
    "rules_reference": None,
    "netzwerk_check": ("selfcheck",),
    "netzwerk_check_sheet": ("selfcheck",),
    "schema_reference": None,
    "slides": ("unit",),
    "slide_decks": ("module",),
    "slide_deck_index": None,
}

# Names the macros plugin itself provides to every page (mkdocs-macros 1.x), plus Jinja's globals.
TEMPLATE_BUILTINS = frozenset(
    {
        "config", "page", "navigation", "files", "environment", "plugin", "git", "extra",
        "macros_info", "now", "fix_url", "context", "render_file", "site_name",
        "range", "dict", "lipsum", "cycler", "joiner", "namespace",
    }
)
