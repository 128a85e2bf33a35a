import CLibXML2
import CourseModel

/// The libxml2 version this program is linked with, for diagnostics.
public enum LibXML2 {
  public static var version: String { String(cString: xmlParserVersion_get()) }
}
