/*
 * spank_glue.c: the native half of spank_ibm_qrun.so.
 *
 * SPANK needs exported data symbols and variadic host functions, which C# cannot express, and the
 * .NET runtime must not start where it is not needed. So this file owns three things and nothing else:
 *   1. the plugin's identity (SPANK_PLUGIN: plugin_name, plugin_type, plugin_version), compiled against
 *      the target Slurm's headers so that plugin_version matches that release;
 *   2. the dispatch of SPANK callbacks, deciding *whether* managed code runs at all:
 *        - slurmd and prolog/epilog contexts: nothing, ever (the runtime never starts in slurmd);
 *        - sbatch/salloc/srun (local, as the user): values that are certainly valid are accepted here;
 *          the managed validator runs only to refuse a value, with a message that says why;
 *        - slurmstepd parent (remote, root, multithreaded): option values are stored here, in C, and no
 *          managed code runs (a runtime started here would be inherited half-alive by every forked
 *          task child, which .NET does not support, and costs ~11 ms per step, see docs/architecture.md);
 *        - the forked task child, only when an option was given: as root (task_init_privileged) the
 *          glue reads the site's root-only secrets file, in C; then as the job user (task_init,
 *          single-threaded, about to exec) a fresh runtime computes and sets the IBMQRUN_* environment;
 *   3. a table of host services (logging, environment, job items) handed to managed code, so that
 *      managed code never calls a variadic function or a spank_* symbol itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <slurm/spank.h>

#include "spank_glue.h"

SPANK_PLUGIN(spank_ibm_qrun, 1);

#ifndef SPANK_QRUN_VERSION
#error "SPANK_QRUN_VERSION must be defined: the release, from the repository's VERSION file"
#endif

/*
 * The release this library is, exported and kept in the binary so that an administrator can tell
 * which one is installed without running it (`strings spank_ibm_qrun.so | grep 'spank_ibm_qrun version'`,
 * `qrun-admin check`). slurmstepd also logs it once per step that asks for a backend.
 */
__attribute__((used)) const char spank_qrun_version[] = "spank_ibm_qrun version " SPANK_QRUN_VERSION;

#define QRUN_PREFIX "spank_ibm_qrun: "

/* What sbatch/salloc/srun exit with when they refuse an option value (as they do for their own options). */
#define QRUN_SUBMIT_REFUSED_EXIT 255
/* What a task exits with when the plugin cannot give it the environment it asked for. */
#define QRUN_TASK_FAILED_EXIT 1

/* Values of --q-backend / --q-primitive as Slurm handed them to the option callback (NULL: not given). */
static char *requested_backend;
static char *requested_primitive;
/* Set when storing a value failed (out of memory): task_init then refuses instead of guessing. */
static int request_lost;

/*
 * The plugstack arguments, kept by sbatch/salloc/srun for the option callbacks (which do not receive
 * them) to check a backend against the site's backends= list. Slurm keeps the plugin's argv for as
 * long as the plugin is loaded, which covers every option callback.
 */
static int submit_argc;
static char **submit_argv;

/* The secrets file as read by root in this task child (task_init_privileged), for task_init. */
static struct qrun_secrets_file secrets_file;

static void host_log(int level, const char *message)
{
    /* Always a constant format: a message may contain user-supplied text. */
    switch (level) {
    case QRUN_LOG_ERROR:
        slurm_error(QRUN_PREFIX "%s", message);
        break;
    case QRUN_LOG_INFO:
        slurm_info(QRUN_PREFIX "%s", message);
        break;
    default:
        slurm_debug(QRUN_PREFIX "%s", message);
        break;
    }
}

static int host_set_env(void *sp, const char *name, const char *value)
{
    return spank_setenv((spank_t)sp, name, value, 1) == ESPANK_SUCCESS ? 0 : -1;
}

static int host_get_env(void *sp, const char *name, char *buf, int len)
{
    const char *value;

    if (sp != NULL && spank_remote((spank_t)sp))
        return spank_getenv((spank_t)sp, name, buf, len) == ESPANK_SUCCESS ? 0 : -1;
    value = getenv(name);
    if (value == NULL || len <= 0 || strlen(value) >= (size_t)len)
        return -1;
    memcpy(buf, value, strlen(value) + 1);
    return 0;
}

static int host_get_u32_item(void *handle, int item, uint32_t *out)
{
    spank_t sp = (spank_t)handle;
    uid_t uid;

    switch (item) {
    case QRUN_ITEM_JOB_ID:
        return spank_get_item(sp, S_JOB_ID, out) == ESPANK_SUCCESS ? 0 : -1;
    case QRUN_ITEM_JOB_UID:
        if (spank_get_item(sp, S_JOB_UID, &uid) != ESPANK_SUCCESS)
            return -1;
        *out = (uint32_t)uid;
        return 0;
    case QRUN_ITEM_LOCAL_TASK_ID: {
        int task_id;
        if (spank_get_item(sp, S_TASK_ID, &task_id) != ESPANK_SUCCESS || task_id < 0)
            return -1;
        *out = (uint32_t)task_id;
        return 0;
    }
    default:
        return -1;
    }
}

static int host_unset_env(void *sp, const char *name)
{
    return spank_unsetenv((spank_t)sp, name) == ESPANK_SUCCESS ? 0 : -1;
}

static struct qrun_host_table make_host(spank_t sp)
{
    struct qrun_host_table host = {
        .abi_version = QRUN_HOST_ABI_VERSION,
        .sp = sp,
        .log = host_log,
        .set_env = host_set_env,
        .unset_env = host_unset_env,
        .get_env = host_get_env,
        .get_u32_item = host_get_u32_item,
    };
    return host;
}

/*
 * The .NET runtime ignores SIGPIPE process-wide when it starts, and an ignored signal stays ignored
 * across exec: a task, or a command started by salloc, would inherit it. slurmstepd unblocks signals in
 * the task child before task_init, so nothing after us would reset it. Every call into managed code is
 * therefore bracketed by a save and a restore of SIGPIPE's disposition.
 */
struct saved_sigpipe {
    struct sigaction action;
    int saved;
};

static void save_sigpipe(struct saved_sigpipe *s)
{
    s->saved = sigaction(SIGPIPE, NULL, &s->action) == 0;
}

static void restore_sigpipe(const struct saved_sigpipe *s)
{
    if (s->saved)
        sigaction(SIGPIPE, &s->action, NULL);
}

/*
 * Ends sbatch/salloc/srun after a refusal. Slurm ignores the return code of an `optional` plugin's
 * callbacks (other than option callbacks), so the glue ends the command itself, before anything is
 * queued. _exit, after flushing stdio: exit() would run sbatch's atexit teardown of the plugin stack
 * while Slurm is still iterating over it.
 */
static void refuse_submission(void)
{
    fflush(NULL);
    _exit(QRUN_SUBMIT_REFUSED_EXIT);
}

/*
 * Whether the managed validator certainly accepts `value`. sbatch/salloc/srun then need no .NET runtime
 * at all (starting one costs ~0.9 ms per command); anything else goes to the managed validator, which
 * decides and words the message. This must accept a subset of what OptionValidator accepts: the tests
 * compare both on a corpus of values through the built library.
 */
static int certainly_valid(int option, const char *value)
{
    size_t length = 0;
    const char *c;

    if (value == NULL)
        return 0;
    if (option == QRUN_OPTION_PRIMITIVE)
        return strcasecmp(value, "sampler") == 0 || strcasecmp(value, "estimator") == 0;
    for (c = value; *c != '\0'; c++, length++) {
        int ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
                 *c == '_' || *c == '-' || *c == '.';
        if (!ok || length >= QRUN_MAX_BACKEND_LENGTH)
            return 0;
    }
    return length > 0;
}

/*
 * The value of the plugstack word that starts with `prefix` (the last one), and in *count how many
 * words do. The glue looks at two words only; PlugstackParser reads and checks the whole line.
 */
static const char *word_value(int ac, char **av, const char *prefix, int *count)
{
    size_t length = strlen(prefix);
    const char *value = NULL;
    int i;

    *count = 0;
    for (i = 0; i < ac; i++) {
        if (strncmp(av[i], prefix, length) == 0) {
            value = av[i] + length;
            (*count)++;
        }
    }
    return value;
}

/*
 * Whether the site's backends= list certainly admits `value`: the line has no backends= word, or has
 * exactly one that names it. The managed check refuses only a name missing from a list it could parse,
 * so this, too, accepts a subset of what it accepts.
 */
static int listed_backend(const char *value)
{
    const char *list, *p;
    size_t length = strlen(value);
    int lists;

    list = word_value(submit_argc, submit_argv, QRUN_BACKENDS_PREFIX, &lists);
    if (lists != 1)
        return lists == 0;
    for (p = list;;) {
        const char *comma = strchr(p, ',');
        size_t item = comma != NULL ? (size_t)(comma - p) : strlen(p);
        if (item == length && strncmp(p, value, length) == 0)
            return 1;
        if (comma == NULL)
            return 0;
        p = comma + 1;
    }
}

static int store_value(char **slot, const char *value)
{
    char *copy = strdup(value != NULL ? value : "");
    if (copy == NULL) {
        request_lost = 1;
        return -1;
    }
    free(*slot);
    *slot = copy;
    return 0;
}

/*
 * Option callback. Slurm calls it once per occurrence (sbatch: #SBATCH lines, then the environment, then
 * the command line), so storing the latest value is idempotent and the command line wins.
 * remote=0: sbatch/salloc/srun as the user: validate now, so a bad value is refused before anything is queued.
 * remote=1: slurmstepd parent as root: only store the value (no managed code here, see the file comment).
 */
static int on_option(int val, const char *optarg, int remote)
{
    char **slot = val == QRUN_OPTION_BACKEND ? &requested_backend : &requested_primitive;

    if (!remote && !(certainly_valid(val, optarg) && (val != QRUN_OPTION_BACKEND || listed_backend(optarg)))) {
        struct qrun_host_table host = make_host(NULL);
        struct saved_sigpipe sigpipe;
        int rc;

        save_sigpipe(&sigpipe);
        rc = spank_qrun_managed_check_option(&host, val, optarg, submit_argc, (const char *const *)submit_argv);
        restore_sigpipe(&sigpipe);
        if (rc != 0)
            return -1;
    }

    if (store_value(slot, optarg) != 0) {
        slurm_error(QRUN_PREFIX "out of memory while storing an option value");
        return remote ? 0 : -1;
    }
    return 0;
}

static struct spank_option qrun_options[] = {
    { "q-backend", "name", "Name of Qiskit backend.", 1, QRUN_OPTION_BACKEND, on_option },
    { "q-primitive", "type", "Qiskit primitive type(sampler or estimator).", 1, QRUN_OPTION_PRIMITIVE,
      on_option },
    SPANK_OPTIONS_TABLE_END
};

/*
 * Runs in srun, sbatch/salloc (as the user), slurmstepd (root) and slurmd (root). Options can only be
 * registered here, and must be registered in every context that uses them.
 */
int slurm_spank_init(spank_t sp, int ac, char **av)
{
    spank_context_t context = spank_context();
    struct spank_option *opt;

    /* slurmd loads the plugin only because this symbol exists; it has nothing to do there. */
    if (context != S_CTX_LOCAL && context != S_CTX_ALLOCATOR && context != S_CTX_REMOTE)
        return 0;
    if (context != S_CTX_REMOTE) {
        submit_argc = ac;
        submit_argv = av;
    }

    for (opt = qrun_options; opt->name != NULL; opt++) {
        if (spank_option_register(sp, opt) != ESPANK_SUCCESS) {
            if (context != S_CTX_REMOTE) {
                slurm_error(QRUN_PREFIX "could not register --%s", opt->name);
                return -1;
            }
            /* A failing remote init would drain the node: say what it costs and go on. */
            slurm_error(QRUN_PREFIX "could not register --%s in slurmstepd: tasks of this step that asked "
                                    "for a backend get no IBMQRUN_* environment",
                        opt->name);
            return 0;
        }
    }
    return 0;
}

/*
 * One info line in the slurmd log per step (and node) that asks for a backend, from slurmstepd's own
 * process, which runs this once per step: which release serves the job, built for which Slurm. Plain C:
 * no runtime starts for it, and steps that do not use the plugin log nothing.
 */
static void log_version(spank_t sp)
{
    uint32_t job_id = 0, step_id = 0;

    if (spank_get_item(sp, S_JOB_ID, &job_id) != ESPANK_SUCCESS)
        job_id = 0;
    if (spank_get_item(sp, S_JOB_STEPID, &step_id) != ESPANK_SUCCESS)
        step_id = 0;
    slurm_info(QRUN_PREFIX "version %s (built for Slurm %d.%02d.%d) serves job %u step %u", SPANK_QRUN_VERSION,
               SLURM_VERSION_MAJOR(SLURM_VERSION_NUMBER), SLURM_VERSION_MINOR(SLURM_VERSION_NUMBER),
               SLURM_VERSION_MICRO(SLURM_VERSION_NUMBER), job_id, step_id);
}

/*
 * Runs after all options are applied. On the submitting side (as the user) this is where checks across
 * options belong: --q-primitive needs a backend, given now or inherited (an srun inside a batch job that
 * was submitted with --q-backend). In slurmstepd nothing happens here: errors are reported from
 * task_init, where the user sees them and the node is not drained.
 */
int slurm_spank_init_post_opt(spank_t sp, int ac, char **av)
{
    struct qrun_host_table host;
    struct saved_sigpipe sigpipe;
    int rc;

    (void)ac;
    (void)av;
    if (spank_remote(sp)) {
        if (requested_backend != NULL || requested_primitive != NULL)
            log_version(sp);
        return 0;
    }
    if (requested_backend != NULL || requested_primitive == NULL ||
        getenv(QRUN_BACKEND_VARIABLE) != NULL)
        return 0;

    host = make_host(sp);
    save_sigpipe(&sigpipe);
    rc = spank_qrun_managed_check_request(&host, requested_backend, requested_primitive);
    restore_sigpipe(&sigpipe);
    if (rc != 0)
        refuse_submission();
    return 0;
}

/*
 * Opens the secrets file as root and checks it as ssh checks a private key: not a symbolic link, a
 * regular file, owned by root, neither readable nor writable by group or others. The checks are made
 * on the opened descriptor, so the file cannot be swapped between check and read. Only the outcome
 * and the bytes are kept; the managed side words the messages and parses.
 */
static void read_secrets_file(const char *path, struct qrun_secrets_file *out)
{
    struct stat st;
    unsigned char *buffer;
    int64_t length = 0;
    int fd;

    memset(out, 0, sizeof(*out));
    out->path = path;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        out->status = QRUN_SECRETS_SYMBOLIC_LINK;
        return;
    }
    /* O_NONBLOCK: a FIFO put in the file's place must not hang the task; it is refused below. */
    fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        out->status = errno == ELOOP ? QRUN_SECRETS_SYMBOLIC_LINK : QRUN_SECRETS_OPEN_FAILED;
        out->error_number = errno;
        return;
    }
    if (fstat(fd, &st) != 0) {
        out->status = QRUN_SECRETS_READ_FAILED;
        out->error_number = errno;
        close(fd);
        return;
    }
    out->owner_uid = (uint32_t)st.st_uid;
    out->mode = (uint32_t)(st.st_mode & 07777);
    if (!S_ISREG(st.st_mode))
        out->status = QRUN_SECRETS_NOT_REGULAR_FILE;
    else if (st.st_uid != 0)
        out->status = QRUN_SECRETS_NOT_OWNED_BY_ROOT;
    else if (st.st_mode & (S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH))
        out->status = QRUN_SECRETS_ACCESSIBLE_BY_OTHERS;
    else if (st.st_size > QRUN_SECRETS_MAX_BYTES)
        out->status = QRUN_SECRETS_TOO_LARGE;
    if (out->status != QRUN_SECRETS_NOT_READ) {
        close(fd);
        return;
    }

    /* One byte more than allowed, to notice a file that grew since fstat. */
    buffer = malloc(QRUN_SECRETS_MAX_BYTES + 1);
    if (buffer == NULL) {
        out->status = QRUN_SECRETS_READ_FAILED;
        out->error_number = ENOMEM;
        close(fd);
        return;
    }
    for (;;) {
        ssize_t n = read(fd, buffer + length, (size_t)(QRUN_SECRETS_MAX_BYTES + 1 - length));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            out->status = QRUN_SECRETS_READ_FAILED;
            out->error_number = errno;
            break;
        }
        length += n;
        if (n == 0 || length > QRUN_SECRETS_MAX_BYTES)
            break;
    }
    close(fd);
    if (out->status == QRUN_SECRETS_NOT_READ && length > QRUN_SECRETS_MAX_BYTES)
        out->status = QRUN_SECRETS_TOO_LARGE;
    if (out->status != QRUN_SECRETS_NOT_READ) {
        explicit_bzero(buffer, QRUN_SECRETS_MAX_BYTES + 1);
        free(buffer);
        return;
    }
    out->status = QRUN_SECRETS_READ;
    out->content = buffer;
    out->length = length;
}

static void forget_secrets_file(void)
{
    if (secrets_file.content != NULL) {
        explicit_bzero((void *)secrets_file.content, QRUN_SECRETS_MAX_BYTES + 1);
        free((void *)secrets_file.content);
    }
    memset(&secrets_file, 0, sizeof(secrets_file));
}

/* The value of the line's single absolute secrets= word, or NULL (PlugstackParser reports other cases). */
static const char *secrets_path(int ac, char **av)
{
    int found;
    const char *path = word_value(ac, av, QRUN_SECRETS_PREFIX, &found);

    return found == 1 && path[0] == '/' ? path : NULL;
}

/*
 * Runs in the forked task child as root (slurmstepd has not yet switched the child to the job user),
 * after option callbacks stored the request. The only place the secrets file is read: as root, so
 * that it can be root-only, and only for a job that asked for a backend. No managed code runs as root;
 * task_init uses what is read here. Never fails: errors are reported by task_init, as the user sees them.
 */
int slurm_spank_task_init_privileged(spank_t sp, int ac, char **av)
{
    const char *path;

    if (!spank_remote(sp) || (requested_backend == NULL && requested_primitive == NULL))
        return 0;
    path = secrets_path(ac, av);
    if (path != NULL)
        read_secrets_file(path, &secrets_file);
    return 0;
}

/*
 * Runs in the forked task child, as the job user, just before exec. The slurmstepd parent never started
 * the runtime, so the child may start its own; it is single-threaded until then and execs right after.
 * Jobs that did not ask for a backend never enter managed code, so a broken site configuration cannot
 * touch them. A job that did ask and cannot be served fails here: with an `optional` plugin Slurm would
 * ignore our return code and run the task without its environment, so the child exits itself, as
 * slurmstepd does for a failing `required` plugin (with _exit: the child shares slurmstepd's stdio
 * buffers, which must not be flushed twice).
 */
int slurm_spank_task_init(spank_t sp, int ac, char **av)
{
    struct qrun_host_table host;
    struct saved_sigpipe sigpipe;
    int rc;

    if (!spank_remote(sp))
        return 0;
    if (requested_backend == NULL && requested_primitive == NULL && !request_lost) {
        slurm_debug(QRUN_PREFIX "slurm_spank_task_init: no --q-backend requested, nothing to do");
        return 0;
    }
    if (request_lost) {
        slurm_error(QRUN_PREFIX "an option value was lost (out of memory); the task cannot get its IBMQRUN_* environment");
        _exit(QRUN_TASK_FAILED_EXIT);
    }

    host = make_host(sp);
    save_sigpipe(&sigpipe);
    rc = spank_qrun_managed_task_init(&host, ac, (const char *const *)av, requested_backend, requested_primitive,
                                      &secrets_file);
    restore_sigpipe(&sigpipe);
    forget_secrets_file();
    if (rc != 0)
        _exit(QRUN_TASK_FAILED_EXIT);
    return 0;
}
