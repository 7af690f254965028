/*
 * spank_glue.h: the ABI between the C glue and the managed half of spank_ibm_qrun.so.
 * Mirrored in C# by SpankQrun.Plugin/Interop/HostTable.cs: change both together and bump the version.
 */
#ifndef SPANK_QRUN_GLUE_H
#define SPANK_QRUN_GLUE_H

#include <stddef.h>
#include <stdint.h>

#define QRUN_HOST_ABI_VERSION 3

enum qrun_option { QRUN_OPTION_BACKEND = 1, QRUN_OPTION_PRIMITIVE = 2 };

/* OptionValidator.MaxBackendLength. */
#define QRUN_MAX_BACKEND_LENGTH 128

/* IbmQrunVariables.Backend: a step inside a job that was given a backend inherits it in this variable. */
#define QRUN_BACKEND_VARIABLE "IBMQRUN_BACKEND"

enum qrun_log_level { QRUN_LOG_ERROR = 0, QRUN_LOG_INFO = 1, QRUN_LOG_DEBUG = 2 };

enum qrun_item { QRUN_ITEM_JOB_ID = 1, QRUN_ITEM_JOB_UID = 2, QRUN_ITEM_LOCAL_TASK_ID = 3 };

/* The plugstack.conf words the glue itself looks at (PlugstackParser reads the whole line). */
#define QRUN_BACKENDS_PREFIX "backends="
#define QRUN_SECRETS_PREFIX "secrets="

/* SecretsFileParser.MaxBytes. */
#define QRUN_SECRETS_MAX_BYTES 65536

/* SecretsFileStatus. */
enum qrun_secrets_status {
    QRUN_SECRETS_NOT_READ = 0,
    QRUN_SECRETS_READ = 1,
    QRUN_SECRETS_OPEN_FAILED = 2,
    QRUN_SECRETS_SYMBOLIC_LINK = 3,
    QRUN_SECRETS_NOT_REGULAR_FILE = 4,
    QRUN_SECRETS_NOT_OWNED_BY_ROOT = 5,
    QRUN_SECRETS_ACCESSIBLE_BY_OTHERS = 6,
    QRUN_SECRETS_TOO_LARGE = 7,
    QRUN_SECRETS_READ_FAILED = 8,
};

/*
 * The secrets file as root found it in slurm_spank_task_init_privileged. `path` points into the
 * plugstack arguments; `content` (length bytes, not NUL-terminated) is owned by the glue.
 */
struct qrun_secrets_file {
    const char *path;
    int status;
    int error_number;
    uint32_t owner_uid;
    uint32_t mode;
    const unsigned char *content;
    int64_t length;
};

_Static_assert(offsetof(struct qrun_secrets_file, content) == 24, "SecretsFileView layout");
_Static_assert(sizeof(struct qrun_secrets_file) == 40, "SecretsFileView layout");

/*
 * Host services for managed code, valid for the duration of one call. `sp` is the spank handle, or NULL
 * inside an option callback. get_env copies a variable of the job's environment (remote) or of the
 * process (local) into buf and returns 0, or returns -1 when it is unset or does not fit.
 */
struct qrun_host_table {
    int abi_version;
    void *sp;
    void (*log)(int level, const char *message);
    int (*set_env)(void *sp, const char *name, const char *value);
    int (*unset_env)(void *sp, const char *name);
    int (*get_env)(void *sp, const char *name, char *buf, int len);
    int (*get_u32_item)(void *sp, int item, uint32_t *out);
};

_Static_assert(sizeof(void *) == 8, "the managed mirror assumes a 64-bit platform");
_Static_assert(offsetof(struct qrun_host_table, sp) == 8, "HostTable layout");
_Static_assert(offsetof(struct qrun_host_table, get_u32_item) == 48, "HostTable layout");
_Static_assert(sizeof(struct qrun_host_table) == 56, "HostTable layout");

/* Managed entry points ([UnmanagedCallersOnly] in SpankQrun.Plugin/Exports). Each returns 0 or -1 and never throws. */
int spank_qrun_managed_check_option(const struct qrun_host_table *host, int option, const char *value, int argc,
                                    const char *const *argv);
int spank_qrun_managed_check_request(const struct qrun_host_table *host, const char *backend, const char *primitive);
int spank_qrun_managed_task_init(const struct qrun_host_table *host, int argc, const char *const *argv,
                                 const char *backend, const char *primitive, const struct qrun_secrets_file *secrets);

#endif
