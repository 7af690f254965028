/*
 * spank_glue.h: the ABI between the C glue and the managed half of spank_ibm_qrun.so.
 * Mirrored in C# by SpankQrun.Plugin/Interop/QrunHost.cs: change both together and bump the version.
 */
#ifndef SPANK_QRUN_GLUE_H
#define SPANK_QRUN_GLUE_H

#include <stdint.h>

#define QRUN_HOST_ABI_VERSION 1

enum qrun_option { QRUN_OPTION_BACKEND = 1, QRUN_OPTION_PRIMITIVE = 2 };

/* OptionValidator.MaxBackendLength. */
#define QRUN_MAX_BACKEND_LENGTH 128

enum qrun_log_level { QRUN_LOG_ERROR = 0, QRUN_LOG_INFO = 1, QRUN_LOG_VERBOSE = 2, QRUN_LOG_DEBUG = 3 };

enum qrun_item { QRUN_ITEM_JOB_ID = 1, QRUN_ITEM_JOB_UID = 2, QRUN_ITEM_JOB_STEP_ID = 3, QRUN_ITEM_TASK_GLOBAL_ID = 4 };

/* Host services for managed code. `sp` is the spank handle, or NULL inside an option callback. */
struct qrun_host {
    int abi_version;
    int context; /* spank_context_t */
    void *sp;
    void (*log)(int level, const char *message);
    int (*set_env)(void *sp, const char *name, const char *value);
    int (*get_u32_item)(void *sp, int item, uint32_t *out);
};

/* Managed entry points ([UnmanagedCallersOnly] in SpankQrun.Plugin/Exports). Each returns 0 or -1 and never throws. */
int spank_qrun_managed_check_option(const struct qrun_host *host, int option, const char *value);
int spank_qrun_managed_check_request(const struct qrun_host *host, const char *backend, const char *primitive);
int spank_qrun_managed_task_init(const struct qrun_host *host, int argc, const char *const *argv,
                                 const char *backend, const char *primitive);

#endif
