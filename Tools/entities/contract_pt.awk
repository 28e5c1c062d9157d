# Joins the contractions the Portuguese treebank splits ("em o" -> "no", "de a" -> "da"),
# so the model learns the words as newspapers write them. A pair is joined when both words
# carry the same tag (O O, or I-X I-X inside a name: "Banco de o Brasil" -> "Banco do Brasil").
# Run with LC_ALL=C (bytes); the split words are ASCII, the joined "à"/"às" are written as UTF-8.
BEGIN {
    FS = "\t"; OFS = "\t"
    split("o a os as", art, " ")
    for (i in art) {
        w = art[i]
        m["de " w] = "d" w; m["em " w] = "n" w; m["por " w] = "pel" w
    }
    m["a o"] = "ao"; m["a os"] = "aos"; m["a a"] = "à"; m["a as"] = "às"
    split("este esta estes estas esse essa esses essas isto isso aquele aquela aqueles aquelas aquilo ele ela eles elas", dem, " ")
    for (i in dem) { w = dem[i]; m["de " w] = "d" w; m["em " w] = "n" w }
    m["a aquele"] = "àquele"; m["a aquela"] = "àquela"; m["a aqueles"] = "àqueles"; m["a aquelas"] = "àquelas"
    m["em um"] = "num"; m["em uma"] = "numa"; m["em uns"] = "nuns"; m["em umas"] = "numas"
}
function flush() { if (held != "") print held; held = "" }
{
    if (NF < 2) { flush(); print; next }
    if (held != "") {
        split(held, h, "\t")
        key = tolower(h[1]) " " $1
        if (h[2] == $2 && (key in m)) {
            word = m[key]
            if (h[1] ~ /^[A-Z]/) word = toupper(substr(word, 1, 1)) substr(word, 2)
            print word, h[2]
            held = ""
            next
        }
        flush()
    }
    if (($2 == "O" || $2 ~ /^I-/) && tolower($1) ~ /^(de|em|por|a)$/) { held = $0; next }
    print
}
END { flush() }
