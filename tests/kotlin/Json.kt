// A small JSON reader for the fixture files (the test classpath has no JSON library).
package dk.brobygger.tests

sealed class Json {
    data class Obj(val fields: Map<String, Json>) : Json()
    data class Arr(val items: List<Json>) : Json()
    data class Str(val value: String) : Json()
    data class Num(val value: Double) : Json()
    data class Bool(val value: Boolean) : Json()
    object Null : Json()

    operator fun get(key: String): Json = (this as Obj).fields[key] ?: Null
    operator fun get(index: Int): Json = (this as Arr).items[index]
    val str: String get() = (this as Str).value
    val list: List<Json> get() = (this as Arr).items

    companion object {
        fun parse(text: String): Json = Reader(text).run { val v = value(); ws(); check(i == s.length) { "trailing data" }; v }
    }

    private class Reader(val s: String) {
        var i = 0
        fun ws() { while (i < s.length && s[i].isWhitespace()) i++ }
        fun value(): Json {
            ws()
            return when (s[i]) {
                '{' -> obj()
                '[' -> arr()
                '"' -> Str(string())
                't' -> { expect("true"); Bool(true) }
                'f' -> { expect("false"); Bool(false) }
                'n' -> { expect("null"); Null }
                else -> num()
            }
        }
        fun expect(word: String) { check(s.startsWith(word, i)) { "bad literal at $i" }; i += word.length }
        fun obj(): Json {
            i++; val m = LinkedHashMap<String, Json>(); ws()
            if (s[i] == '}') { i++; return Obj(m) }
            while (true) {
                ws(); val k = string(); ws(); check(s[i] == ':'); i++
                m[k] = value(); ws()
                if (s[i] == ',') { i++; continue }
                check(s[i] == '}'); i++; return Obj(m)
            }
        }
        fun arr(): Json {
            i++; val l = mutableListOf<Json>(); ws()
            if (s[i] == ']') { i++; return Arr(l) }
            while (true) {
                l += value(); ws()
                if (s[i] == ',') { i++; continue }
                check(s[i] == ']'); i++; return Arr(l)
            }
        }
        fun string(): String {
            check(s[i] == '"'); i++
            val b = StringBuilder()
            while (s[i] != '"') {
                if (s[i] == '\\') {
                    i++
                    when (s[i]) {
                        'n' -> b.append('\n'); 't' -> b.append('\t'); 'r' -> b.append('\r')
                        'b' -> b.append('\b'); 'f' -> b.append('\u000c')
                        'u' -> { b.append(s.substring(i + 1, i + 5).toInt(16).toChar()); i += 4 }
                        else -> b.append(s[i])
                    }
                    i++
                } else b.append(s[i++])
            }
            i++
            return b.toString()
        }
        fun num(): Json {
            val start = i
            while (i < s.length && (s[i].isDigit() || s[i] in "+-.eE")) i++
            return Num(s.substring(start, i).toDouble())
        }
    }
}
