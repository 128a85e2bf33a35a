import CourseModel
import Registry
import Reports
