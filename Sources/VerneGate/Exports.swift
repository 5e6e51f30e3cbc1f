// Users who import only this service get the core types too: errors, JSONValue, pages.
@_exported import VerneCore
