import CourseModel
import Registry
import Reports

extension Helper {
  /// `Marie Tremblay (mtremblay)`, stripped of control characters (as the reports show it).
  var displayName: String { HelperInfo(self).displayName }
}
