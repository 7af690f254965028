# cmake -DHEADER=.../slurm_version.h -DSTAMP=FILE -P SlurmVersionStamp.cmake
# Writes SLURM_VERSION_NUMBER from HEADER into STAMP, touching STAMP only when the value changed.
file(STRINGS "${HEADER}" version_line REGEX "^#define SLURM_VERSION_NUMBER")
if(NOT version_line)
    message(FATAL_ERROR "no SLURM_VERSION_NUMBER in ${HEADER}")
endif()
file(WRITE "${STAMP}.new" "${version_line}\n")
execute_process(COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${STAMP}.new" "${STAMP}")
file(REMOVE "${STAMP}.new")
