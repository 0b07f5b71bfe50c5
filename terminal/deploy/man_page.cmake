# Writes a manual page whose synopsis is, verbatim, what the program prints for
# --help: the page is made from the built program at build time, so the two
# cannot drift. Run as
#   cmake -DPROGRAM=path -DNAME=name -DVERSION=v -DSUMMARY=text -DDESCRIPTION=text
#         -DSEE_ALSO=text -DOUTPUT=page.1 -P man_page.cmake
# (help2man was tried first: it fills the usage lines into one paragraph.)
execute_process(COMMAND ${PROGRAM} --help OUTPUT_VARIABLE usage RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR usage STREQUAL "")
  message(FATAL_ERROR "${PROGRAM} --help failed (${status}); no manual page")
endif()

# roff: a backslash is \e, a minus is \-, and a line must not start with . or '.
function(roff text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
roff("${usage}" usage)
roff("${DESCRIPTION}" description)
roff("${SUMMARY}" summary)
roff("${SEE_ALSO}" see_also)
string(TOUPPER "${NAME}" title)

file(WRITE ${OUTPUT} ".TH ${title} 1 \"\" \"${NAME} ${VERSION}\" \"User Commands\"
.SH NAME
${NAME} \\- ${summary}
.SH SYNOPSIS
.nf
${usage}.fi
.SH DESCRIPTION
${description}
.SH SEE ALSO
${see_also}
")
