/* coursekit: German search. Appended at build time to Material's lunr.de.min.js, so it runs
 * in the search worker after lunr's German stemmer is defined and before the index is built.
 *
 * One normalisation serves the index and the query:
 *   Führung, Fuehrung       -> fuehrung       (umlauts and ß folded to their ASCII spelling)
 *   Koordinatorinnen        -> koordinator    (feminine -in/-innen of person nouns)
 *   Konflikten, Wirkungen   -> konflikt, wirk (Snowball German stemmer from lunr-languages)
 * Material adds a trailing wildcard to every query term, which makes lunr skip the pipeline;
 * so the query clause is normalised here, keeping the wildcard for search-as-you-type.
 * Compound parts (Netzwerkkarte -> netzwerk, karte) are added to the index at build time in
 * the field `parts` (coursekit/search.py). */
(function (lunr) {
  "use strict";
  var snowball = lunr.de.stemmer;
  var FEMININE = /^(.{3,}(?:or|er|ent|ant|eur|ist|og|at))in(?:nen)?$/;

  function normalize(word) {
    var folded = word.toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .replace(FEMININE, "$1");
    return snowball(folded);
  }

  var stemmer = function (token) {
    return token.update(function (word) { return normalize(word); });
  };
  lunr.Pipeline.registerFunction(stemmer, "stemmer-de-coursekit");
  lunr.de.stemmer = stemmer;
  lunr.de.normalize = normalize;

  var addClause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (clause) {
    if (clause.usePipeline === false && /^[^*]+\*$/.test(clause.term || "")) {
      clause.term = normalize(clause.term.slice(0, -1)) + "*";
    }
    return addClause.call(this, clause);
  };
})(lunr);
