import CourseModel
import Testing

@testable import CourseXML

/// libxml2's texts (as 2.9.14 writes them) and what a course author reads instead.
@Test(arguments: [
  (
    "Element '{urn:entraide:course:1}roleplay', attribute 'retries': 'x' is not a valid value of the atomic type 'xs:unsignedByte'.",
    "attribute retries of <roleplay> is 'x', which is not a whole number from 0 to 255",
    "l'attribut retries de <roleplay> vaut « x », ce qui n'est pas un nombre entier de 0 à 255"
  ),
  (
    "Element '{urn:entraide:course:1}character', attribute 'age': The attribute 'age' is not allowed.",
    "<character> does not take attribute age; remove it or fix its name",
    "<character> n'accepte pas l'attribut age ; retirez-le ou corrigez son nom"
  ),
  (
    "Element '{urn:entraide:course:1}ending', attribute 'result': [facet 'enumeration'] The value 'bof' is not an "
      + "element of the set {'pass', 'fail'}.",
    "attribute result of <ending> is 'bof'; use one of: pass, fail",
    "l'attribut result de <ending> vaut « bof » ; utilisez l'une des valeurs : pass, fail"
  ),
  (
    "Element '{urn:entraide:course:1}bogus': This element is not expected. Expected is one of "
      + "( {urn:entraide:course:1}option, {urn:entraide:course:1}explain ).",
    "<bogus> is not expected here; expected: <option> or <explain>",
    "<bogus> n'est pas attendu ici ; attendu : <option> ou <explain>"
  ),
  (
    "Element '{urn:entraide:course:1}page': Missing child element(s). Expected is one of "
      + "( {urn:entraide:course:1}p, {urn:entraide:course:1}list ).",
    "<page> is missing a child element; expected: <p> or <list>",
    "il manque un élément dans <page> ; attendu : <p> ou <list>"
  ),
  (
    "Element '{urn:entraide:course:1}pair': Character content other than whitespace is not allowed because the "
      + "content type is 'element-only'.",
    "<pair> holds text directly; put the text in its child elements",
    "<pair> contient du texte directement ; mettez le texte dans ses éléments enfants"
  ),
  (
    #"Element '{urn:entraide:course:1}title': [facet 'pattern'] The value '  ' is not accepted by the pattern '[\s\S]*\S[\s\S]*'."#,
    "<title> is empty; write a text",
    "le texte de <title> est vide ; écrivez un texte"
  ),
  (
    "Element '{urn:entraide:course:1}title', attribute '{http://www.w3.org/XML/1998/namespace}lang': 'f r' is not a "
      + "valid value of the local union type.",
    "attribute xml:lang of <title> is 'f r', which is not a language code such as fr or en",
    "l'attribut xml:lang de <title> vaut « f r », ce qui n'est pas un code de langue comme fr ou en"
  ),
  (
    "Element '{urn:entraide:course:1}course': Some message libxml2 may write one day.",
    "does not follow the schema: Element 'course': Some message libxml2 may write one day.",
    "non conforme au schéma : Element 'course': Some message libxml2 may write one day."
  ),
])
func schemaMessagesSayWhatToChange(_ raw: String, _ english: String, _ french: String) {
  let message = SchemaMessages.message(raw)
  #expect(message.en == english)
  #expect(message.fr == french)
}
