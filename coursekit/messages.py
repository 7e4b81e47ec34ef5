"""German message and fix hint of every rule: what is wrong, and how to fix it.

Placeholders are filled from the arguments the rule passes. Keep one shape: the message says
what is wrong (and where, if the file and line are not enough), the hint says what to do.
"""

__all__ = ["MESSAGES"]

MESSAGES: dict[str, tuple[str, str]] = {
    "YAML001": (
        "Der Kopfbereich (YAML zwischen den Linien ---) ist kein gültiges YAML: {detail}.",
        "Prüfe Einrückung (nur Leerzeichen), Doppelpunkte und Anführungszeichen in dieser Zeile "
        "und der Zeile davor. Texte mit Doppelpunkt in Anführungszeichen setzen.",
    ),
    "YAML002": (
        "Der Kopfbereich muss aus Feldern (Name: Wert) bestehen, gefunden wurde: {found}.",
        "Schreibe jedes Feld als `name: wert` in eine eigene Zeile, z. B. `title: Mein Titel`.",
    ),
    "YAML003": (
        "Die Datei ist nicht in UTF-8 gespeichert ({detail}).",
        "Speichere die Datei im Editor mit der Kodierung UTF-8.",
    ),
    "SCHEMA001": (
        "Pflichtfeld `{field}` fehlt.",
        "Ergänze `{field}`. Welche Felder nötig sind, steht auf der Seite „Felder im Kopfbereich“.",
    ),
    "SCHEMA002": (
        "Feld `{field}` hat einen ungültigen Wert ({value!r}): {detail}.",
        "Korrigiere den Wert von `{field}`; Typ und Grenzen stehen auf der Seite „Felder im "
        "Kopfbereich“.",
    ),
    "SCHEMA003": (
        "Das Feld `{field}` ist hier nicht vorgesehen.",
        "Prüfe die Schreibweise (Feldnamen sind englisch und klein geschrieben) oder entferne "
        "das Feld.",
    ),
    "VOCAB001": (
        "`{field}` hat den Wert {value!r}, der nicht in der Werteliste steht.",
        "Erlaubt sind: {allowed}. Groß- und Kleinschreibung beachten.",
    ),
    "CFG001": (
        "Der Block `extra.course` ist fehlerhaft bei `{field}`: {detail}.",
        "Korrigiere `extra: course: {field}` in mkdocs.yml; die Felder stehen auf der Seite "
        "„Felder im Kopfbereich“ unter „Kurskonfiguration“.",
    ),
    "ID001": (
        "Die Kennung „{id}“ ist schon in {first} vergeben.",
        "Jede Kennung darf im ganzen Kurs nur einmal vorkommen: wähle eine neue `id`.",
    ),
    "REF001": (
        "Das Modul „{ref}“ gibt es nicht.",
        "Lege ein Modul mit `id: {ref}` an oder korrigiere die Kennung.{suggestion}",
    ),
    "REF002": (
        "Die Einheit „{ref}“ gibt es nicht.",
        "Lege eine Einheit mit `id: {ref}` an oder korrigiere die Kennung.{suggestion}",
    ),
    "REF003": (
        "Die Methode „{ref}“ gibt es nicht.",
        "Lege unter docs/methods/ eine Methode mit `id: {ref}` an oder korrigiere die "
        "Kennung.{suggestion}",
    ),
    "REF004": (
        "Das Arbeitsblatt „{ref}“ gibt es nicht.",
        "Lege ein Arbeitsblatt mit `id: {ref}` an oder korrigiere die Kennung.{suggestion}",
    ),
    "REF005": (
        "Die Literaturangabe „{ref}“ steht nicht in der Literaturliste.",
        "Ergänze sie in docs/literatur.md unter `entries:` oder korrigiere die "
        "Kennung.{suggestion}",
    ),
    "REF006": (
        "Die Einheit „{unit}“ gehört laut `module` zu „{declared}“, steht aber im Ablauf von "
        "„{listed}“.",
        "Trage die Einheit im Ablauf (`days`) ihres eigenen Moduls ein oder korrigiere `module`.",
    ),
    "REF007": (
        "Die Einheit „{unit}“ kommt in keinem Kurstag ihres Moduls „{module}“ vor.",
        "Trage `{unit}` unter `days: … units:` im Modul „{module}“ ein.",
    ),
    "PRE001": (
        "Die Voraussetzungen bilden einen Kreis: {cycle}.",
        "Ein Modul kann nicht (auch nicht über Umwege) sich selbst voraussetzen: entferne eine "
        "Angabe aus `prerequisites`.",
    ),
    "PLAN001": (
        "Die Schritte im Ablaufplan ergeben {total} Minuten, die Einheit dauert aber "
        "{duration} Minuten ({diff:+d}).",
        "Passe die `minutes` der Schritte oder `duration` an, bis beide gleich sind.",
    ),
    "PLAN002": (
        "Die Lernphase „{phase}“ folgt auf „{previous}“; üblich ist Einsteigen → Erarbeiten → "
        "Integrieren → Auswerten.",
        "Ordne die Schritte nach den Lernphasen oder prüfe die Angabe `phase`.",
    ),
    "DAY001": (
        "Am Kurstag {day} liegen {minutes} Minuten Lernzeit ohne Pause (ab {start} Uhr, bis "
        "Einheit „{unit}“); erlaubt sind höchstens {limit}.",
        "Setze eine Pause zwischen die Einheiten (`breaks` im Tag oder in mkdocs.yml) oder "
        "einen Schritt mit `phase: Pause` in die Einheit.",
    ),
    "DAY002": (
        "Der Kurstag {day} hat {minutes} Minuten Lernzeit ({ue} UE); erlaubt sind höchstens "
        "{limit} Minuten.",
        "Verschiebe eine Einheit auf einen anderen Tag oder kürze Einheiten.",
    ),
    "DAY003": (
        "Der Kurstag {day} endet um {end} Uhr, später als das Tagesende {limit} Uhr.",
        "Beginne früher, kürze Pausen, Einheiten oder den Zeitpuffer (`buffer`, er zählt mit), "
        "oder ändere `day_end` in mkdocs.yml.",
    ),
    "MD001": (
        "Das Bild „{target}“ hat keinen Alternativtext.",
        "Beschreibe in den eckigen Klammern, was das Bild zeigt: `![Netzwerkkarte mit zwölf "
        "Akteuren]({target})`.",
    ),
    "MD002": (
        "Der Linktext „{text}“ sagt nicht, wohin der Link führt.",
        "Nenne das Ziel im Linktext, z. B. `[Methode Netzwerkkarte](…)` statt `[{text}](…)`; "
        "Screenreader lesen Links oft ohne umgebenden Satz vor.",
    ),
    "MAC001": (
        "Unbekannter Makro- oder Variablenname „{name}“.",
        "Prüfe die Schreibweise. Verfügbare Makros: {known}.",
    ),
    "MAC002": (
        "Das Makro `{macro}` kennt {expected} „{ref}“ nicht.",
        "Gib die Kennung {expected_article} an, das es gibt.{suggestion}",
    ),
    "MAC003": (
        "Die Makro-Schreibweise ist fehlerhaft: {detail}.",
        "Makros stehen in doppelten geschweiften Klammern, z. B. `{{{{ run_sheet() }}}}`; "
        "prüfe Klammern und Anführungszeichen. Geschweifte Klammern als Text in "
        "`{{% raw %}}…{{% endraw %}}` setzen.",
    ),
    "VAR001": (
        "Die Kursvariante „{variant}“ nennt das Modul „{ref}“, das es nicht gibt.",
        "Korrigiere die Liste unter `extra: course: variants:` in mkdocs.yml.{suggestion}",
    ),
    "VAR002": (
        "In der Kursvariante „{variant}“ setzt „{module}“ das Modul „{pre}“ voraus; es {where}.",
        "Nimm „{pre}“ vor „{module}“ in die Variante auf, oder lege in „{module}“ einen "
        "Brückenbaustein an: `bridges: [{{for_module: {pre}, unit: …, audience: …}}]` mit einer "
        "kurzen Einheit, die „{pre}“ für diese Gruppe vorbereitet. Oder prüfe `prerequisites` "
        "von „{module}“.",
    ),
    "VAR003": (
        "Die gewählte Kursvariante „{variant}“ steht nicht unter `variants`.",
        "Setze `extra: course: variant:` auf einen dieser Namen: {known}.",
    ),
    "CFG002": (
        "Die Farbe `{field}: {color}` ist mit weißer Schrift zu kontrastarm ({ratio}:1, nötig 4,5:1).",
        "Wähle einen dunkleren Farbton; ein Kontrastrechner zeigt, ob weiße Schrift darauf lesbar ist "
        "(WCAG 2.1, Kriterium 1.4.3).",
    ),
    "CFG003": (
        "Das Logo „{path}“ gibt es in docs/ nicht.",
        "Lege die Datei unter docs/{path} ab oder korrigiere `extra: course: logo:`.",
    ),
    "LEGAL001": (
        "Die Pflichtangabe `{field}` ist {state}.",
        "Trage sie in mkdocs.yml unter `extra: course: {field}` ein; sie erscheint auf der Seite "
        "„{page}“. Ohne sie ist der Auftritt rechtlich unvollständig.",
    ),
    "IMG001": (
        "Das Bild „{src}“ hat keinen Bildnachweis.",
        "Ergänze im Kopfbereich `images:` einen Eintrag mit `src: {src}`, `title`, `author`, "
        "`licence`, `origin` und, wenn vorhanden, `link`.",
    ),
    "IMG002": (
        "Der Bildnachweis für „{src}“ gehört zu keinem Bild dieser Seite.",
        "Prüfe die Schreibweise von `src` (genau wie im Bildverweis) oder entferne den Eintrag.",
    ),
    "USE001": (
        "Die Methode „{id}“ wird in keiner Einheit verwendet.",
        "Verwende sie im Ablaufplan einer Einheit (`method: {id}`) oder entferne sie aus der "
        "Sammlung.",
    ),
    "USE002": (
        "Das Arbeitsblatt „{id}“ wird in keiner Einheit verwendet.",
        "Trage es bei einer Einheit unter `worksheets:` ein oder entferne es.",
    ),
    # --- hostile and broken input (issue 13) ---
    "YAML004": (
        "Das Feld `{key}` steht zweimal (zuerst in Zeile {first}); YAML würde den ersten Wert "
        "stillschweigend verwerfen.",
        "Behalte eine der beiden Zeilen und lösche die andere.",
    ),
    "YAML005": (
        "Der Kopfbereich verwendet YAML-Anker oder -Verweise (`&name`, `*name`, `<<:`); sie sind "
        "in Kursinhalten nicht erlaubt.",
        "Schreibe den Wert an jeder Stelle aus, z. B. `materials: [Flipchart, Stifte]` statt "
        "`materials: *standard`.",
    ),
    "YAML006": (
        "Der Kopfbereich ist {size} Zeichen lang; erlaubt sind höchstens {limit}.",
        "Prüfe, ob die schließende Linie `---` fehlt; lange Texte gehören in den Seitentext "
        "unter dem Kopfbereich.",
    ),
    "YAML007": (
        "Listen und Felder im Kopfbereich sind tiefer als {limit} Ebenen verschachtelt.",
        "Schreibe die Felder so, wie die Seite „Felder im Kopfbereich“ sie zeigt; kein Feld "
        "braucht mehr als fünf Ebenen.",
    ),
    "CFG004": (
        "`{field}: {path}` zeigt aus dem Ordner docs/ hinaus; der Bau liest keine Dateien von "
        "außerhalb des Kurses.",
        "Lege die Datei unter docs/ ab und gib den Pfad relativ zu docs/ an, z. B. "
        "`logo: assets/images/logo.svg` (kein `/` am Anfang, kein `..`, keine Adresse).",
    ),
    "MD003": (
        "Das Bild „{src}“ liegt nicht im Ordner docs/ (absoluter Pfad, `..` über docs/ hinaus, "
        "`file:` oder `data:`).",
        "Lege das Bild unter docs/ ab, z. B. in docs/assets/images/, und verweise relativ zur "
        "Seite, z. B. `![Beschreibung](../assets/images/bild.svg)`.",
    ),
    # --- print (issue 20) ---
    "PRINT001": (
        "Der Text dieser Seite kommt ins Handbuch, spricht aber von „{word}“; auf Papier gibt es "
        "nichts zu klicken oder herunterzuladen.",
        "Markiere den Absatz als nur für die Website: `{{ .screen-only }}` in der Zeile nach dem "
        "Absatz oder `<div class=\"screen-only\" markdown>` … `</div>`; eine ganze Seite mit "
        "`print: false` im Kopfbereich. Oder schreibe den Satz so, dass er auch gedruckt stimmt.",
    ),
    # --- course design: timing, transfer, case world (issue 14) ---
    "CASE001": (
        "Die Person „{name}“ steht nicht in der Fallwelt ({registry}).",
        "Trage sie dort unter `people:` ein (mit `id`, `name`, `place`, `organisation`, `role`) "
        "oder verwende eine Person, die es in der Fallwelt schon gibt.",
    ),
    "CASE002": (
        "„{name}“ gehört laut Fallwelt nach {home}; dieser Absatz nennt aber {places}.",
        "Verlege den Fall nach {home} oder wähle für {places} eine Person, die dort eingetragen "
        "ist (oder trage eine neue ein). Jede Person gehört zu genau einem Ort.",
    ),
    "CASE003": (
        "In der Fallwelt: {detail}.",
        "{fix}",
    ),
    "PLAN003": (
        "Die Schritte geben der Methode „{method}“ {minutes} Minuten; {kind} braucht "
        "mindestens {need} Minuten.",
        "Gib den Schritten mit dieser Methode zusammen mindestens {need} Minuten{short}. Stellt "
        "der Schritt die Methode nur vor, etwa für den späteren Einsatz, setze `presents: true`.",
    ),
    "PLAN004": (
        "Der Schritt nutzt die Kurzform der Methode „{method}“ (`short_form: true`), die "
        "Methodenseite beschreibt aber keine Kurzform.",
        "Ergänze in docs/methods/{id}.md `short_form:` mit `minutes`, `steps` und `gives_up` "
        "oder entferne `short_form: true` aus dem Schritt.",
    ),
    "DAY004": (
        "Der Kurstag {day} hat {buffer} Minuten Zeitpuffer am Ende; geplant werden mindestens "
        "{need} Minuten.",
        "Setze im Tag `buffer: {need}` (oder mehr) und prüfe, dass der Tag mit Puffer vor dem "
        "Tagesende `day_end` endet.",
    ),
    "TEXT001": (
        "Der Abschnitt `## Auf einen Blick` der Einheit „{unit}“ {state}.",
        "Schreibe vor `## Literatur` einen Abschnitt `## Auf einen Blick` mit drei bis fünf "
        "Listenpunkten (`- …`): die Kernaussagen der Einheit als ganze, kurze Sätze.",
    ),
    "TEXT002": (
        "Die Einheit „{unit}“ {what}.",
        "Nur die letzte Einheit des letzten Kurstages hat `## Transferaufgabe`: eine Aufgabe für "
        "das ganze Modul, mit Zeitbedarf. Die anderen Einheiten beenden `## Reflexionsfragen` "
        "mit einem Satz zum Transferplan, z. B. „Halten Sie im Transferplan (Teil B) fest …“.",
    ),
    "TEXT003": (
        "Der Einheit „{unit}“ fehlt der Abschnitt `## Für kleine und große Gruppen`.",
        "Ergänze ihn direkt nach `## Hinweise für Trainerinnen und Trainer`: Was ändert sich bei "
        "8 und bei 24 Teilnehmenden (Gruppen, Runden, Zeiten, Raum, zweite Trainerin oder "
        "zweiter Trainer)?",
    ),
    # issue 14, variants and bridges (helper D2)
    "VAR004": (
        "Der Brückenbaustein für „{ref}“ passt nicht: {reason}.",
        "{fix} Ein Brückenbaustein ersetzt nur eine Voraussetzung des Moduls.",
    ),
    "VAR005": (
        "Die Einheit „{ref}“ des Brückenbausteins {reason}.",
        "Lege eine Einheit mit `id: {ref}` und `module:` gleich diesem Modul an oder korrigiere "
        "`unit`.{suggestion}",
    ),
    "VAR006": (
        "Die Brückeneinheit „{unit}“ steht auch im Kurstag {day} und liefe damit für alle.",
        "Entferne „{unit}“ aus `days: … units:`; als Brückenbaustein wird sie nur in den "
        "Varianten eingeplant, die sie brauchen.",
    ),
    "PRE002": (
        "Die Einheit „{unit}“ verlangt Ergebnisse aus „{ref}“, aber „{module}“ setzt „{ref}“ "
        "nicht voraus.",
        "Nimm „{ref}“ in `prerequisites` von „{module}“ auf (und lege für Varianten ohne „{ref}“ "
        "einen Brückenbaustein an), oder schreibe „aus {ref}, falls vorhanden“, wenn es nur eine "
        "Hilfe ist.",
    ),
    "VAR007": (
        "Mit dem Vorlauf „{unit}“ hat der erste Kurstag für dessen Gruppe {minutes} Minuten "
        "Lernzeit ({day} am Tag plus Vorlauf); erlaubt sind höchstens {limit}.",
        "Kürze den Vorlauf oder den Tag, oder setze `placement: eigener Termin`.",
    ),
    # --- Netzwerk-Check (issue 18) ---
    "NC001": (
        "Die Aussage „{statement}“ nennt die Dimension „{ref}“, die es im Netzwerk-Check nicht gibt.",
        "Setze `dimension:` auf eine Kennung aus `dimensions` ({known}) oder lege die Dimension "
        "an.{suggestion}",
    ),
    "NC002": (
        "Die Kennung „{id}“ ist als {what} doppelt vergeben (zuerst in Zeile {first}).",
        "Gib jeder Dimension und jeder Aussage eine eigene Kennung, z. B. `ziele-1`, `ziele-2`. "
        "Gespeicherte Ergebnisse ordnen Antworten über diese Kennung zu.",
    ),
    "NC003": (
        "Die Aussage „{statement}“ hat keinen Text.",
        "Schreibe unter `text:` eine konkrete, beobachtbare Aussage, z. B. „Die Ziele des "
        "Netzwerks sind schriftlich festgehalten.“",
    ),
    "NC004": (
        "Die Dimension „{id}“ hat keine Aussage.",
        "Gib ihr mindestens eine Aussage (`dimension: {id}` unter `statements`, besser drei) oder "
        "entferne die Dimension.",
    ),
    "NC005": (
        "Die Dimension „{id}“ verweist auf die Einheit „{ref}“, die es nicht gibt.",
        "Trage unter `unit:` die Kennung der Einheit ein, die an dieser Dimension arbeitet."
        "{suggestion}",
    ),
    "NC006": (
        "Die Stufe „{label}“ hat {points} Punkte, die Stufe davor („{before}“) {before_points}: "
        "die Punkte der Skala müssen aufsteigen.",
        "Ordne `scale` von der niedrigsten zur höchsten Stufe und gib jeder Stufe mehr Punkte als "
        "der vorigen, z. B. 0, 1, 2, 3.",
    ),
    # --- slides (issue 16) ---
    "SLIDE001": (
        "Die Einheit „{unit}“ hat im Schritt {step} einen Input mit Folien, aber keine Foliendatei.",
        "Lege {path} an (`kind: slides`, `unit: {unit}`): Folien durch Zeilen `---` trennen, jede "
        "mit `# Überschrift`, Notizen nach einer Zeile `???`. Siehe „Folien schreiben“ im "
        "Leitfaden für Autorinnen und Autoren.",
    ),
    "SLIDE002": (
        "Die Folie „{title}“ zeigt {words} Wörter; mehr als {limit} liest im Raum niemand mit.",
        "Kürze auf eine Botschaft in wenigen Punkten oder teile die Folie; Erklärungen gehören "
        "nach `???` in die Notizen.",
    ),
    "SLIDE003": (
        "Die Folie nennt die Quelle „{ref}“, die nicht in der Literaturliste steht.",
        "Schreibe `Quelle:` mit Kennungen aus docs/literatur.md oder ergänze den Eintrag dort."
        "{suggestion}",
    ),
    "SLIDE004": (
        "Die Folien gehören laut `unit` zur Einheit „{ref}“, die es nicht gibt.",
        "Trage die Kennung der Einheit ein, deren Inputs die Folien zeigen.{suggestion}",
    ),
    "SLIDE005": (
        "Eine Folie hat {what}.",
        "Beginne jede Folie mit `# Überschrift` und gib ihr Punkte (`- …`), einen Satz oder eine "
        "Abbildung; Folien trennt eine Zeile `---`.",
    ),
    "SLIDE006": (
        "Die Foliendatei hat {count} Folien; vorgesehen sind {low} bis {high}.",
        "Schreibe 3 bis 10 Folien je Input: eine Botschaft je Folie, den Rest in die Notizen.",
    ),
    # --- materials and kits (issue 15) ---
    "MAT001": (
        "Das Material „{ref}“ steht nicht im Materialkatalog (docs/materialien.md).",
        "Nenne unter `materials` eine Kennung aus dem Katalog oder lege das Material dort an "
        "(`id`, `name`, `type`, `per`, `amount`, `unit`).{suggestion}",
    ),
    "MAT002": (
        "Das Material „{name}“ ({id}) im Katalog nennt keine Einheit und keine Methode.",
        "Nenne `{id}` unter `materials` der Einheit, die es braucht, oder lösche den Eintrag.",
    ),
    "MAT003": (
        "`dates` nennt für das Modul „{module}“ Termine, die nicht passen: {detail}.",
        "Gib ein Datum je Kurstag in der Reihenfolge der Tage an (das Modul hat {days}), z. B. "
        "`{module}: [\"2027-02-04\", \"2027-02-05\"]`.{suggestion}",
    ),
}
