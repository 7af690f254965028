/*
 * Starts qrun's one question to Slurm, `squeue -h -j $SLURM_JOB_ID -o %L` (the time left, which sets the job's
 * timeout_secs), before the .NET runtime starts, so that squeue's ~10 ms run beside the runtime's start-up on the
 * other core instead of after it: in a Slurm job, squeue's answer is what the Direct Access submit waits for.
 * Slurm/EarlySqueue.cs takes the pipe with squeue's output and reaps the child; without this file (the
 * framework-dependent build) qrun starts squeue itself, as it does whenever nothing was started here.
 *
 * Started only where qrun would ask anyway: SLURM_JOB_ID is a job id, IBMQRUN_GATEWAY is unset (in gateway mode the
 * gateway tells qrun the end time), and the command line is a run, not --help, --version or --check. The child gets
 * /dev/null for stdin and stderr and a close-on-exec pipe for stdout, the signal dispositions of a process that has
 * not installed any handler yet, and a process group of its own, so that killing it also kills anything a squeue
 * wrapper started (as the managed path kills the whole tree). Any failure leaves nothing started.
 * QRUN_EARLY_SQUEUE=0 turns it off, to compare.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static pid_t early_pid = -1;
static int early_fd = -1;

static int is_job_id(const char *text)
{
    size_t length = text == NULL ? 0 : strlen(text);
    if (length == 0 || length > 20)
        return 0;
    for (size_t i = 0; i < length; i++)
        if (text[i] < '0' || text[i] > '9')
            return 0;
    return 1;
}

static int is_run(int argc, char **argv)
{
    if (argc < 2 || argv == NULL)
        return 0;
    for (int i = 1; i < argc && argv[i] != NULL; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0 || strcmp(arg, "-?") == 0 || strcmp(arg, "-V") == 0 ||
            strcmp(arg, "--version") == 0 || strcmp(arg, "--check") == 0)
            return 0;
    }
    return 1;
}

/* glibc passes constructors in .init_array the program's argc, argv and envp. */
__attribute__((constructor)) static void spank_qrun_early_squeue(int argc, char **argv, char **envp)
{
    (void)envp;
    const char *setting = getenv("QRUN_EARLY_SQUEUE");
    if (setting != NULL && strcmp(setting, "0") == 0)
        return;
    const char *job = getenv("SLURM_JOB_ID");
    const char *gateway = getenv("IBMQRUN_GATEWAY");
    if (!is_job_id(job) || (gateway != NULL && gateway[strspn(gateway, " \t\r\n")] != '\0') || !is_run(argc, argv))
        return;

    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0)
        return;
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    if (posix_spawn_file_actions_init(&actions) != 0) {
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        return;
    }
    if (posix_spawnattr_init(&attributes) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        return;
    }
    char job_copy[21];
    strcpy(job_copy, job);
    char *child_argv[] = {"squeue", "-h", "-j", job_copy, "-o", "%L", NULL};
    pid_t pid = -1;
    int failed = posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) != 0 ||
                 posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1) != 0 ||
                 posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) != 0 ||
                 posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP) != 0 ||
                 posix_spawnattr_setpgroup(&attributes, 0) != 0 ||
                 posix_spawnp(&pid, "squeue", &actions, &attributes, child_argv, environ) != 0;
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (failed) {
        close(pipe_fds[0]);
        return;
    }
    early_pid = pid;
    early_fd = pipe_fds[0];
}

/* Whether an early squeue was started and is not reaped yet. */
int spank_qrun_early_squeue_running(void)
{
    return __atomic_load_n(&early_pid, __ATOMIC_SEQ_CST) > 0;
}

/* The read end of the pipe with squeue's output, once; -1 when nothing was started or it was taken already. */
int spank_qrun_early_squeue_take(void)
{
    return __atomic_exchange_n(&early_fd, -1, __ATOMIC_SEQ_CST);
}

/* Kills the early squeue's process group if it still runs (squeue is reaped by spank_qrun_early_squeue_reap). */
void spank_qrun_early_squeue_kill(void)
{
    pid_t pid = __atomic_load_n(&early_pid, __ATOMIC_SEQ_CST);
    if (pid > 0)
        (void)kill(-pid, SIGKILL);
}

/*
 * Waits for the early squeue to end and returns its exit code, 128 + the signal when a signal ended it, -2 when its
 * status cannot be known (SIGCHLD ignored by whoever started qrun: the kernel reaps children itself), or -1 when it
 * was never started or was reaped already. Called once squeue has closed its output (or been killed), so it does
 * not block long.
 */
int spank_qrun_early_squeue_reap(void)
{
    pid_t pid = __atomic_exchange_n(&early_pid, -1, __ATOMIC_SEQ_CST);
    if (pid <= 0)
        return -1;
    int status = 0;
    pid_t waited;
    do
        waited = waitpid(pid, &status, 0);
    while (waited < 0 && errno == EINTR);
    if (waited != pid)
        return -2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
