# HEYMILO_DOCUMENTS: the names of the documents, read from the one list
# (include/heymilo/documents.inc), for the targets made per document.
set(heymilo_documents_list ${PROJECT_SOURCE_DIR}/include/heymilo/documents.inc)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${heymilo_documents_list})
file(STRINGS ${heymilo_documents_list} heymilo_document_lines REGEX "^HEYMILO_DOCUMENT\\(")
set(HEYMILO_DOCUMENTS)
foreach(line IN LISTS heymilo_document_lines)
  string(REGEX REPLACE "^HEYMILO_DOCUMENT\\(([a-z_]+),.*$" "\\1" name "${line}")
  list(APPEND HEYMILO_DOCUMENTS ${name})
endforeach()
