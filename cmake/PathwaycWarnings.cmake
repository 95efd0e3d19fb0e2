# Warning flags for the project's own code. Generated and third-party code
# does not use this function.
function(pathwayc_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()
